package org.rankcf.reports.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A planned run of a sweep without metrics, a row of results.json and results.csv like a {@link ResultsRow}
 * but without the outcome columns: {@code failed} (with the run's error) or {@code not run}. It takes no part
 * in selection or statistics, and {@link ResultsTable#read} leaves it out.
 */
public record UnfinishedRow(
    String run, String variant, String arm, Map<String, JsonNode> axes, boolean selected, String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) String error) implements ResultsTable.Row {
  public static final String FAILED = "failed";
  public static final String NOT_RUN = "not run";

  public UnfinishedRow {
    axes = RunMetrics.ordered(axes);
  }
}
