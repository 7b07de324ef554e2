package org.rankcf.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One run of a sweep, a row of results.json and results.csv. {@link ResultsTable} lays it out flat for
 * spreadsheets: the axes become columns between {@code arm} and {@code selected}, the validation value is
 * {@code validation_<selection metric>} and each test metric {@code test_<metric>}; every other component is
 * its own snake_case column in component order (a new field is one more component).
 *
 * @param axes the run's value on each axis of the sweep, in the sweep's order (the seed is one of them)
 * @param selected whether model selection picked this run for its arm and seed
 * @param status {@code done}, or {@code pruned} when a search stopped the run early ({@link UnfinishedRow}
 *     has the runs without metrics)
 * @param validation the best epoch's validation value of the selection metric (null when it has none)
 * @param secondsToBest elapsed seconds until the best epoch ended
 * @param epochsTo95 epochs until the run first reached 95% of its own best validation value (the naming
 *     strategy would not put an underscore before a digit, hence the explicit names)
 */
public record ResultsRow(
    String run, String variant, String arm, Map<String, JsonNode> axes, boolean selected, String status, int bestEpoch,
    int epochsRun, int switchEpoch, String selectionMetric, @JsonSetter(nulls = Nulls.SET) Double validation,
    Map<String, Double> test, double secondsToBest, @JsonProperty("epochs_to_95") int epochsTo95,
    @JsonProperty("seconds_to_95") double secondsTo95, double userStableRank,
    double itemStableRank) implements ResultsTable.Row {
  /** The status of a run that trained to its end (early stopping included). */
  public static final String DONE = "done";
  /** The status of a run a search stopped early; it counts like any other in selection and statistics. */
  public static final String PRUNED = "pruned";

  public ResultsRow {
    axes = RunMetrics.ordered(axes);
    test = RunMetrics.ordered(test);
  }
}
