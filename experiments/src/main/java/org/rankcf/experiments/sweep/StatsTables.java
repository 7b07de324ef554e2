package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.schema.ResultsRow;
import org.rankcf.reports.schema.ResultsTable;
import org.rankcf.reports.schema.RunFiles;
import org.rankcf.reports.schema.RunJson;

/**
 * A finished sweep's findings as Markdown, for documents that quote them: per arm the selected runs (the
 * selected axis values per seed, test metrics as mean +- std over seeds, epochs and seconds to the best
 * epoch), then per compared pair the change, the paired tests over seeds and over users, and the changes in
 * time to the best epoch and to a target, all read from the sweep's results.json (its {@link ResultsRow}s) and
 * stats.json.
 */
public final class StatsTables {
  /** The seed axis: the arms table lists the other axes' selected values. */
  private static final String SEED = "seed";

  private final List<ResultsRow> rows;
  private final JsonNode stats;
  private final String metric;
  private final String secondMetric;

  private StatsTables(List<ResultsRow> rows, JsonNode stats, String metric, String secondMetric) {
    this.rows = rows;
    this.stats = stats;
    this.metric = metric;
    this.secondMetric = secondMetric;
  }

  public static StatsTables of(Path sweepDir, String metric, String secondMetric) {
    try {
      return new StatsTables(ResultsTable.read(sweepDir), RunJson.readTree(sweepDir.resolve(RunFiles.STATS)), metric,
          secondMetric);
    } catch (UserInputException e) {
      throw new UserInputException(e.getMessage() + "; is it a finished sweep folder?", e);
    }
  }

  /** Both tables. */
  public String markdown() {
    return arms() + "\n" + comparisons();
  }

  /** Per arm: selected axis values by seed, test metrics mean +- std, epochs and seconds to best. */
  public String arms() {
    Map<String, List<ResultsRow>> selected = new LinkedHashMap<>();
    for (ResultsRow row : rows) {
      if (row.selected()) {
        selected.computeIfAbsent(row.arm(), a -> new ArrayList<>()).add(row);
      }
    }
    StringBuilder s = new StringBuilder("| arm | seeds | selected | test " + metric + " | test " + secondMetric
        + " | epochs to best | seconds to best |\n|---|---|---|---|---|---|---|\n");
    selected.forEach((arm, runs) -> s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.1f | %.1f |%n",
        arm, runs.size(), selection(runs), meanStd(runs, metric), meanStd(runs, secondMetric),
        mean(runs, ResultsRow::bestEpoch) + 1, mean(runs, ResultsRow::secondsToBest))));
    return s.toString();
  }

  /**
   * Per compared pair: changes, paired tests over seeds and users, and the time to the best epoch and to 95% of
   * the baseline's best. Times are changes, as in {@link EffectMap} (negative: the treatment was faster): to the
   * best epoch the change of the means over the paired seeds, to the target the mean of the per-seed changes.
   */
  public String comparisons() {
    StringBuilder s = new StringBuilder("| treatment vs baseline | " + metric + " change | p seeds (t / W) | p users (t / W) | "
        + secondMetric + " change | p seeds (t) | epochs to best | seconds to best | seconds to 95% of baseline best |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (JsonNode c : stats.path("comparisons")) {
      String m = "test_" + metric;
      String r = "test_" + secondMetric;
      String baseline = c.path("baseline").asText();
      String treatment = c.path("treatment").asText();
      s.append(String.format(Locale.ROOT, "| %s vs %s | %+.1f%% | %s / %s | %s / %s | %+.1f%% | %s | %s | %s | %s (%d of %d seeds) |%n",
          treatment, baseline, c.path(m + "_change_pct").asDouble(),
          p(c.path(m + "_ttest_p_over_seeds")), p(c.path(m + "_wilcoxon_p_over_seeds")),
          p(c.path(m + "_ttest_p_over_users")), p(c.path(m + "_wilcoxon_p_over_users")),
          c.path(r + "_change_pct").asDouble(), p(c.path(r + "_ttest_p_over_seeds")),
          meansChange(baseline, treatment, row -> row.bestEpoch() + 1, "%.1f"),
          meansChange(baseline, treatment, ResultsRow::secondsToBest, "%.0f"),
          change(c.path("seconds_to_95pct_of_baseline_best_reduction_pct")),
          c.path("seeds_reaching_95pct_of_baseline_best").asInt(), c.path("paired_seeds").asInt()));
    }
    return s.append("\nTimes are changes in % of the baseline's (negative: the treatment was faster): to the best epoch "
        + "the change of the means over the paired seeds, to 95% of the baseline's best the mean of the per-seed changes "
        + "over the seeds that reached it; bold p-values are below 0.05.\n").toString();
  }

  /** "base -> treatment (+x%)": the means of a field over the seeds where both arms have a selected run. */
  private String meansChange(String baseline, String treatment, ToDoubleFunction<ResultsRow> field, String format) {
    Map<String, ResultsRow> base = selectedBySeed(baseline);
    Map<String, ResultsRow> treat = selectedBySeed(treatment);
    base.keySet().retainAll(treat.keySet());
    treat.keySet().retainAll(base.keySet());
    if (base.isEmpty()) {
      return "-";
    }
    double b = mean(List.copyOf(base.values()), field);
    double t = mean(List.copyOf(treat.values()), field);
    return String.format(Locale.ROOT, format + " -> " + format + " (%+.1f%%)", b, t, 100 * (t - b) / b);
  }

  private Map<String, ResultsRow> selectedBySeed(String arm) {
    Map<String, ResultsRow> bySeed = new LinkedHashMap<>();
    for (ResultsRow row : rows) {
      if (row.selected() && row.arm().equals(arm)) {
        JsonNode seed = row.axes().get(SEED);
        bySeed.put(seed == null ? "" : seed.asText(), row);
      }
    }
    return bySeed;
  }

  /** The axis values of the selected runs, seed by seed ("lr 0.01 / 0.01 / 0.1"), or one value if all agree. */
  private static String selection(List<ResultsRow> runs) {
    List<String> parts = new ArrayList<>();
    for (String axis : runs.get(0).axes().keySet()) {
      if (axis.equals(SEED)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      runs.forEach(run -> values.add(run.axes().get(axis).asText()));
      boolean agree = values.stream().distinct().count() == 1;
      parts.add(shortName(axis) + " " + (agree ? values.get(0) : String.join(" / ", values)));
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static String shortName(String axis) {
    return axis.substring(axis.lastIndexOf('.') + 1);
  }

  /** Mean +- sample std over the runs of a test metric (a run without it counts as NaN). */
  private static String meanStd(List<ResultsRow> runs, String metric) {
    SummaryStatistics s = new SummaryStatistics();
    runs.forEach(run -> s.addValue(run.test().getOrDefault(metric, Double.NaN)));
    return String.format(Locale.ROOT, "%.4f +- %.4f", s.getMean(), s.getN() > 1 ? s.getStandardDeviation() : 0.0);
  }

  private static double mean(List<ResultsRow> runs, ToDoubleFunction<ResultsRow> field) {
    return runs.stream().mapToDouble(field).average().orElse(Double.NaN);
  }

  /** A stored reduction in % shown as a change (its negative), "-" where there is none. */
  private static String change(JsonNode reduction) {
    double v = reduction.asDouble(Double.NaN);
    return reduction.isMissingNode() || reduction.isNull() || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f%%", -v);
  }

  private static String p(JsonNode value) {
    return PValues.markdown(value.isMissingNode() || value.isNull() ? Double.NaN : value.asDouble(Double.NaN));
  }
}
