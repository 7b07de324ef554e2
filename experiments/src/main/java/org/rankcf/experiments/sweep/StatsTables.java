package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.util.UserInputException;

/**
 * A finished sweep's findings as Markdown, for documents that quote them: per arm the selected runs (the
 * selected axis values per seed, test metrics as mean +- std over seeds, epochs and seconds to the best
 * epoch), then per compared pair the change, the paired tests over seeds and over users, and the
 * time-to-target reductions, all read from the sweep's results.json and stats.json.
 */
public final class StatsTables {
  /** Row fields that are neither axes nor written before the axes in a results row. */
  private static final List<String> LEADING = List.of("run", "variant", "arm", "seed");

  private final JsonNode rows;
  private final JsonNode stats;
  private final String metric;
  private final String secondMetric;

  private StatsTables(JsonNode rows, JsonNode stats, String metric, String secondMetric) {
    this.rows = rows;
    this.stats = stats;
    this.metric = metric;
    this.secondMetric = secondMetric;
  }

  public static StatsTables of(Path sweepDir, String metric, String secondMetric) {
    return new StatsTables(read(sweepDir.resolve("results.json")), read(sweepDir.resolve("stats.json")), metric,
        secondMetric);
  }

  private static JsonNode read(Path file) {
    try {
      return Yaml.JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read (" + e.getMessage() + "); is it a finished sweep folder?");
    }
  }

  /** Both tables. */
  public String markdown() {
    return arms() + "\n" + comparisons();
  }

  /** Per arm: selected axis values by seed, test metrics mean +- std, epochs and seconds to best. */
  public String arms() {
    Map<String, List<JsonNode>> selected = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      if (row.path("selected").asBoolean()) {
        selected.computeIfAbsent(row.path("arm").asText(), a -> new ArrayList<>()).add(row);
      }
    }
    StringBuilder s = new StringBuilder("| arm | seeds | selected | test " + metric + " | test " + secondMetric
        + " | epochs to best | seconds to best |\n|---|---|---|---|---|---|---|\n");
    selected.forEach((arm, runs) -> s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.1f | %.1f |%n",
        arm, runs.size(), selection(runs), meanStd(runs, "test_" + metric), meanStd(runs, "test_" + secondMetric),
        mean(runs, "best_epoch") + 1, mean(runs, "seconds_to_best"))));
    return s.toString();
  }

  /** Per compared pair: changes, paired tests over seeds and users, and time-to-target reductions. */
  public String comparisons() {
    StringBuilder s = new StringBuilder("| treatment vs baseline | " + metric + " change | p seeds (t / W) | p users (t / W) | "
        + secondMetric + " change | p seeds (t) | epochs to best | seconds to best | seconds to 95% of baseline best |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (JsonNode c : stats.path("comparisons")) {
      String m = "test_" + metric;
      String r = "test_" + secondMetric;
      s.append(String.format(Locale.ROOT, "| %s vs %s | %+.1f%% | %s / %s | %s / %s | %+.1f%% | %s | %s | %s | %s (%d of %d seeds) |%n",
          c.path("treatment").asText(), c.path("baseline").asText(), c.path(m + "_change_pct").asDouble(),
          p(c.path(m + "_ttest_p_over_seeds")), p(c.path(m + "_wilcoxon_p_over_seeds")),
          p(c.path(m + "_ttest_p_over_users")), p(c.path(m + "_wilcoxon_p_over_users")),
          c.path(r + "_change_pct").asDouble(), p(c.path(r + "_ttest_p_over_seeds")),
          reduction(c.path("epochs_to_best_reduction_pct")), reduction(c.path("seconds_to_best_reduction_pct")),
          reduction(c.path("seconds_to_95pct_of_baseline_best_reduction_pct")),
          c.path("seeds_reaching_95pct_of_baseline_best").asInt(), c.path("paired_seeds").asInt()));
    }
    return s.append("\nReductions are in % of the baseline's (negative: the treatment took longer); "
        + "bold p-values are below 0.05.\n").toString();
  }

  /** The axis values of the selected runs, seed by seed ("lr 0.01 / 0.01 / 0.1"), or one value if all agree. */
  private static String selection(List<JsonNode> runs) {
    List<String> parts = new ArrayList<>();
    for (String axis : axes(runs.get(0))) {
      List<String> values = new ArrayList<>();
      runs.forEach(run -> values.add(run.path(axis).asText()));
      boolean agree = values.stream().distinct().count() == 1;
      parts.add(shortName(axis) + " " + (agree ? values.get(0) : String.join(" / ", values)));
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  /** Axes are the fields between the leading ones and "selected". */
  private static List<String> axes(JsonNode row) {
    List<String> axes = new ArrayList<>();
    var names = row.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.equals("selected")) {
        break;
      }
      if (!LEADING.contains(name)) {
        axes.add(name);
      }
    }
    return axes;
  }

  private static String shortName(String axis) {
    return axis.substring(axis.lastIndexOf('.') + 1);
  }

  private static String meanStd(List<JsonNode> runs, String field) {
    SummaryStatistics s = new SummaryStatistics();
    runs.forEach(run -> s.addValue(run.path(field).asDouble(Double.NaN)));
    return String.format(Locale.ROOT, "%.4f +- %.4f", s.getMean(), s.getN() > 1 ? s.getStandardDeviation() : 0.0);
  }

  private static double mean(List<JsonNode> runs, String field) {
    return runs.stream().mapToDouble(run -> run.path(field).asDouble(Double.NaN)).average().orElse(Double.NaN);
  }

  private static String reduction(JsonNode value) {
    double v = value.asDouble(Double.NaN);
    return value.isMissingNode() || value.isNull() || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f%%", v);
  }

  private static String p(JsonNode value) {
    return PValues.markdown(value.isMissingNode() || value.isNull() ? Double.NaN : value.asDouble(Double.NaN));
  }
}
