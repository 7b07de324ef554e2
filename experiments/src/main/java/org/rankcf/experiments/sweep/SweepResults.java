package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.rankcf.evaluation.stats.PairedComparison;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.reports.RunPair;
import org.rankcf.reports.RunReader;
import org.rankcf.reports.RunRecord;
import org.rankcf.reports.Speedup;
import org.rankcf.reports.TimeToTarget;

/**
 * The tables of a finished sweep: one row per run (results.json and results.csv), model selection (per arm
 * and seed, the run with the best validation metric over the select-over axes), and per arm the mean and
 * standard deviation over seeds plus, for each compared pair of variants, paired tests over seeds and the
 * warm start's time-to-target speed-up (stats.json). Every planned run has a row; its {@code status} is
 * {@code done}, {@code pruned} (stopped early by a search), {@code failed} (with its {@code error}) or
 * {@code not run}. Runs without metrics take no part in selection and statistics.
 */
public final class SweepResults {
  static final double TARGET_FRACTION = 0.95;
  private static final List<String> HEADLINE = org.rankcf.evaluation.metric.StandardMetrics.HEADLINE;

  private final SweepSpec spec;
  private final List<SweepPlan.PlannedRun> plan;
  /** Per planned run its record, or null when it has no committed folder (failed, or not run). */
  private final List<RunRecord> records = new ArrayList<>();
  private final List<RunStatus> statuses = new ArrayList<>();

  public SweepResults(SweepSpec spec, List<SweepPlan.PlannedRun> plan, Path sweepDir) {
    this.spec = spec;
    this.plan = plan;
    for (SweepPlan.PlannedRun run : plan) {
      Path folder = sweepDir.resolve(run.name());
      records.add(java.nio.file.Files.exists(folder.resolve(RunReader.METRICS)) ? RunReader.read(folder) : null);
      statuses.add(RunStatus.read(sweepDir, run.name()));
    }
  }

  /** The status column: from the committed run's stop reason, else from its status file. */
  private String status(int r) {
    if (records.get(r) != null) {
      return SweepRunTask.PRUNED.equals(records.get(r).metrics().stopReason()) ? "pruned" : "done";
    }
    RunStatus status = statuses.get(r);
    return status != null && status.state() == RunStatus.State.FAILED ? "failed" : "not run";
  }

  /** Writes results.json, results.csv and stats.json into the sweep folder; returns the stats. */
  public ObjectNode write(Path sweepDir) {
    ArrayNode rows = rows();
    ObjectNode stats = stats();
    try {
      RunDirectory.writeAtomically(sweepDir.resolve("results.json"), Yaml.JSON.writeValueAsString(rows) + "\n");
      RunDirectory.writeAtomically(sweepDir.resolve("stats.json"), Yaml.JSON.writeValueAsString(stats) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RunDirectory.writeAtomically(sweepDir.resolve("results.csv"), csv(rows));
    return stats;
  }

  private ArrayNode rows() {
    Map<Integer, Boolean> selected = selected();
    ArrayNode rows = Yaml.JSON.createArrayNode();
    for (int r = 0; r < plan.size(); r++) {
      SweepPlan.PlannedRun run = plan.get(r);
      RunRecord record = records.get(r);
      ObjectNode row = rows.addObject();
      row.put("run", run.name());
      row.put("variant", run.variant());
      row.put("arm", run.arm(spec));
      run.axes().forEach((key, value) -> row.set(key, value));
      row.put("status", status(r));
      row.put("selected", selected.get(r));
      if (record == null) {
        RunStatus status = statuses.get(r);
        row.put("error", status == null ? null : status.error());
        continue;
      }
      String metric = record.selectionMetric();
      TimeToTarget time = TimeToTarget.of(record.trajectory(), metric, TARGET_FRACTION);
      row.put("best_epoch", record.metrics().bestEpoch());
      row.put("epochs_run", record.metrics().epochsRun());
      row.put("switch_epoch", record.metrics().switchEpoch());
      row.put("validation_" + metric, record.metrics().validation().get(metric));
      record.metrics().test().forEach((name, value) -> row.put("test_" + name, value));
      row.put("seconds_to_best", time.toBest().elapsedSeconds());
      row.put("epochs_to_95", time.toFraction().epochs());
      row.put("seconds_to_95", time.toFraction().elapsedSeconds());
      row.put("user_stable_rank", record.metrics().userStableRank());
      row.put("item_stable_rank", record.metrics().itemStableRank());
    }
    return rows;
  }

  /**
   * Per (arm, seed): which run has the best validation metric over the select-over axes; between equal
   * values the run that trained more epochs, so a pruned run never wins over a longer one it does not beat.
   */
  private Map<Integer, Boolean> selected() {
    Map<String, Integer> best = new LinkedHashMap<>();
    for (int r = 0; r < plan.size(); r++) {
      if (records.get(r) == null) {
        continue;
      }
      String key = plan.get(r).arm(spec) + "|" + seedOf(plan.get(r));
      Integer current = best.get(key);
      if (current == null || validation(r) > validation(current) || validation(r) == validation(current)
          && records.get(r).metrics().epochsRun() > records.get(current).metrics().epochsRun()) {
        best.put(key, r);
      }
    }
    Map<Integer, Boolean> selected = new TreeMap<>();
    for (int r = 0; r < plan.size(); r++) {
      selected.put(r, best.containsValue(r));
    }
    return selected;
  }

  private double validation(int r) {
    RunRecord record = records.get(r);
    Double value = record.metrics().validation().get(record.selectionMetric());
    return value == null || value.isNaN() ? Double.NEGATIVE_INFINITY : value;
  }

  private String seedOf(SweepPlan.PlannedRun run) {
    JsonNode seed = run.axes().get(spec.seedKey());
    return seed == null ? "" : seed.asText();
  }

  private ObjectNode stats() {
    Map<Integer, Boolean> selected = selected();
    // arm -> seed -> selected run index
    Map<String, Map<String, Integer>> arms = new LinkedHashMap<>();
    for (int r = 0; r < plan.size(); r++) {
      if (selected.get(r)) {
        arms.computeIfAbsent(plan.get(r).arm(spec), a -> new LinkedHashMap<>()).put(seedOf(plan.get(r)), r);
      }
    }
    ObjectNode stats = Yaml.JSON.createObjectNode();
    ObjectNode perArm = stats.putObject("arms");
    arms.forEach((arm, seeds) -> {
      ObjectNode node = perArm.putObject(arm);
      node.put("seeds", seeds.size());
      for (String metric : HEADLINE) {
        SummaryStatistics s = new SummaryStatistics();
        seeds.values().forEach(r -> s.addValue(records.get(r).metrics().test().getOrDefault(metric, Double.NaN)));
        node.put("test_" + metric + "_mean", s.getMean());
        node.put("test_" + metric + "_std", s.getStandardDeviation());
      }
      SummaryStatistics seconds = new SummaryStatistics();
      seeds.values().forEach(r -> seconds.addValue(records.get(r).metrics().secondsToBest()));
      node.put("seconds_to_best_mean", seconds.getMean());
    });

    ArrayNode comparisons = stats.putArray("comparisons");
    for (List<String> pair : spec.compare()) {
      arms.forEach((baseArm, baseSeeds) -> {
        if (!baseArm.equals(pair.get(0)) && !baseArm.startsWith(pair.get(0) + " ")) {
          return;
        }
        String treatArm = pair.get(1) + baseArm.substring(pair.get(0).length());
        Map<String, Integer> treatSeeds = arms.get(treatArm);
        if (treatSeeds != null) {
          comparisons.add(compare(baseArm, treatArm, baseSeeds, treatSeeds));
        }
      });
    }
    return stats;
  }

  private ObjectNode compare(String baseArm, String treatArm, Map<String, Integer> base, Map<String, Integer> treat) {
    List<String> seeds = base.keySet().stream().filter(treat::containsKey).toList();
    ObjectNode node = Yaml.JSON.createObjectNode();
    node.put("baseline", baseArm);
    node.put("treatment", treatArm);
    node.put("paired_seeds", seeds.size());
    for (String metric : HEADLINE) {
      double[] a = seeds.stream().mapToDouble(s -> records.get(base.get(s)).metrics().test().getOrDefault(metric, Double.NaN)).toArray();
      double[] b = seeds.stream().mapToDouble(s -> records.get(treat.get(s)).metrics().test().getOrDefault(metric, Double.NaN)).toArray();
      PairedComparison c = PairedComparison.of(a, b);
      node.put("test_" + metric + "_baseline_mean", c.meanBaseline());
      node.put("test_" + metric + "_treatment_mean", c.meanTreatment());
      node.put("test_" + metric + "_change_pct", 100 * c.meanDifference() / c.meanBaseline());
      node.put("test_" + metric + "_ttest_p_over_seeds", c.tTestP());
      node.put("test_" + metric + "_wilcoxon_p_over_seeds", c.wilcoxonP());
    }
    perUserTests(node, seeds, base, treat);
    SummaryStatistics epochsToBest = new SummaryStatistics();
    SummaryStatistics secondsToBest = new SummaryStatistics();
    SummaryStatistics secondsToTarget = new SummaryStatistics();
    for (String seed : seeds) {
      RunRecord b = records.get(base.get(seed));
      RunRecord t = records.get(treat.get(seed));
      Speedup speedup = Speedup.of(new RunPair(t, b), b.selectionMetric(), TARGET_FRACTION);
      epochsToBest.addValue(speedup.epochsToBestReduction());
      secondsToBest.addValue(speedup.secondsToBestReduction());
      if (!Double.isNaN(speedup.secondsToTargetReduction())) {
        secondsToTarget.addValue(speedup.secondsToTargetReduction());
      }
    }
    node.put("epochs_to_best_reduction_pct", epochsToBest.getMean());
    node.put("seconds_to_best_reduction_pct", secondsToBest.getMean());
    // over the seeds whose warm-start run reached 95% of its baseline's best at all
    node.put("seconds_to_95pct_of_baseline_best_reduction_pct", secondsToTarget.getN() == 0 ? Double.NaN : secondsToTarget.getMean());
    node.put("seeds_reaching_95pct_of_baseline_best", secondsToTarget.getN());
    return node;
  }

  /**
   * Paired tests over users of the selection metric: per seed, and pooled over the seeds (each user of each
   * seed one pair). Runs without per-user values (older run folders) are left out.
   */
  private void perUserTests(ObjectNode node, List<String> seeds, Map<String, Integer> base, Map<String, Integer> treat) {
    ArrayNode perSeed = node.putArray("per_user_tests");
    List<double[]> pooledBase = new ArrayList<>();
    List<double[]> pooledTreat = new ArrayList<>();
    String metric = records.get(base.get(seeds.get(0))).selectionMetric();
    for (String seed : seeds) {
      Map<Integer, Double> a = PerUserValues.read(records.get(base.get(seed)).directory(), metric);
      Map<Integer, Double> b = PerUserValues.read(records.get(treat.get(seed)).directory(), metric);
      if (a == null || b == null) {
        continue;
      }
      double[][] pair = PerUserValues.paired(a, b);
      double[] x = pair[0];
      double[] y = pair[1];
      pooledBase.add(x);
      pooledTreat.add(y);
      PairedComparison c = PairedComparison.of(x, y);
      ObjectNode row = perSeed.addObject();
      row.put("seed", seed);
      row.put("users", c.n());
      row.put("test_" + metric + "_ttest_p", c.tTestP());
      row.put("test_" + metric + "_wilcoxon_p", c.wilcoxonP());
    }
    if (!pooledBase.isEmpty()) {
      PairedComparison c = PairedComparison.of(concat(pooledBase), concat(pooledTreat));
      node.put("test_" + metric + "_ttest_p_over_users", c.tTestP());
      node.put("test_" + metric + "_wilcoxon_p_over_users", c.wilcoxonP());
      node.put("user_pairs", c.n());
    }
  }

  private static double[] concat(List<double[]> parts) {
    return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  private static String csv(ArrayNode rows) {
    List<String> columns = new ArrayList<>();
    rows.forEach(row -> row.fieldNames().forEachRemaining(name -> {
      if (!columns.contains(name)) {
        columns.add(name);
      }
    }));
    StringBuilder out = new StringBuilder(String.join(",", columns.stream().map(SweepResults::quote).toList())).append('\n');
    for (JsonNode row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        JsonNode value = row.get(column);
        cells.add(value == null || value.isNull() ? "" : value.isNumber()
            ? String.format(Locale.ROOT, "%s", value.numberValue()) : quote(value.isTextual() ? value.asText() : value.toString()));
      }
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String quote(String text) {
    return text.matches("[A-Za-z0-9_.@+=-]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
  }
}
