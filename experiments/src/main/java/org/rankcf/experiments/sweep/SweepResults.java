package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.reports.RunPair;
import org.rankcf.reports.RunReader;
import org.rankcf.reports.RunRecord;
import org.rankcf.reports.Speedup;
import org.rankcf.reports.TimeToTarget;
import org.rankcf.reports.schema.ResultsRow;
import org.rankcf.reports.schema.ResultsTable;
import org.rankcf.reports.schema.RunFiles;
import org.rankcf.reports.schema.RunJson;
import org.rankcf.reports.schema.RunMetrics;
import org.rankcf.reports.schema.UnfinishedRow;

/**
 * The tables of a finished sweep: one row per planned run (results.json and results.csv): a {@link ResultsRow}
 * for a run with metrics ({@code done}, or {@code pruned} when a search stopped it early), an
 * {@link UnfinishedRow} for one without ({@code failed} with its error, or {@code not run}); the
 * {@link ModelSelection} per arm and seed over the runs with metrics, and stats.json: per arm the
 * {@link SeedAggregates} of the selected runs, and for each compared pair of variants the
 * {@link PairedOverSeeds} and {@link PairedOverUsers} tests and the warm start's time-to-target speed-up.
 */
public final class SweepResults {
  static final double TARGET_FRACTION = 0.95;
  private static final List<String> HEADLINE = org.rankcf.evaluation.metric.StandardMetrics.HEADLINE;

  private final SweepSpec spec;
  private final List<SweepPlan.PlannedRun> plan;
  /** Per planned run its record, or null when it has no committed folder (failed, or not run). */
  private final List<RunRecord> records = new ArrayList<>();
  private final List<RunStatus> statuses = new ArrayList<>();
  private final ModelSelection selection;

  public SweepResults(SweepSpec spec, List<SweepPlan.PlannedRun> plan, Path sweepDir) {
    this.spec = spec;
    this.plan = plan;
    List<ModelSelection.Candidate> candidates = new ArrayList<>();
    for (SweepPlan.PlannedRun run : plan) {
      Path folder = sweepDir.resolve(run.name());
      RunRecord record = Files.exists(folder.resolve(RunFiles.METRICS)) ? RunReader.read(folder) : null;
      records.add(record);
      statuses.add(RunStatus.read(sweepDir, run.name()));
      if (record == null) {
        candidates.add(null);
        continue;
      }
      Double validation = record.metrics().validation().get(record.selectionMetric());
      candidates.add(new ModelSelection.Candidate(run.arm(spec), seedOf(run),
          validation == null ? Double.NaN : validation, record.metrics().epochsRun()));
    }
    selection = ModelSelection.of(candidates);
  }

  /** Writes results.json, results.csv and stats.json into the sweep folder; returns the stats. */
  public ObjectNode write(Path sweepDir) {
    List<ResultsTable.Row> rows = rows();
    ObjectNode stats = stats();
    RunDirectory.writeAtomically(sweepDir.resolve(RunFiles.RESULTS), ResultsTable.json(rows));
    RunDirectory.writeAtomically(sweepDir.resolve(RunFiles.STATS), RunJson.document(stats));
    RunDirectory.writeAtomically(sweepDir.resolve(RunFiles.RESULTS_CSV), ResultsTable.csv(rows));
    return stats;
  }

  List<ResultsTable.Row> rows() {
    List<ResultsTable.Row> rows = new ArrayList<>();
    for (int r = 0; r < plan.size(); r++) {
      SweepPlan.PlannedRun run = plan.get(r);
      RunRecord record = records.get(r);
      if (record == null) {
        RunStatus status = statuses.get(r);
        boolean failed = status != null && status.state() == RunStatus.State.FAILED;
        rows.add(new UnfinishedRow(run.name(), run.variant(), run.arm(spec), run.axes(), false,
            failed ? UnfinishedRow.FAILED : UnfinishedRow.NOT_RUN, failed ? status.error() : null));
        continue;
      }
      RunMetrics metrics = record.metrics();
      String metric = metrics.selectionMetric();
      TimeToTarget time = TimeToTarget.of(record.trajectory(), metric, TARGET_FRACTION);
      String status = SweepRunTask.PRUNED.equals(metrics.stopReason()) ? ResultsRow.PRUNED : ResultsRow.DONE;
      rows.add(new ResultsRow(run.name(), run.variant(), run.arm(spec), run.axes(), selection.isSelected(r), status,
          metrics.bestEpoch(), metrics.epochsRun(), metrics.switchEpoch(), metric, metrics.validation().get(metric),
          metrics.test(), time.toBest().elapsedSeconds(), time.toFraction().epochs(),
          time.toFraction().elapsedSeconds(), metrics.userStableRank(), metrics.itemStableRank()));
    }
    return rows;
  }

  private String seedOf(SweepPlan.PlannedRun run) {
    JsonNode seed = run.axes().get(spec.seedKey());
    return seed == null ? "" : seed.asText();
  }

  private ObjectNode stats() {
    Map<String, Map<String, Integer>> arms = selection.byArmAndSeed();
    ObjectNode stats = JsonNodeFactory.instance.objectNode();
    ObjectNode perArm = stats.putObject("arms");
    arms.forEach((arm, seeds) -> perArm.set(arm, SeedAggregates.of(metrics(seeds.values()), HEADLINE)));

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

  private List<RunMetrics> metrics(Iterable<Integer> runs) {
    List<RunMetrics> out = new ArrayList<>();
    runs.forEach(r -> out.add(records.get(r).metrics()));
    return out;
  }

  private ObjectNode compare(String baseArm, String treatArm, Map<String, Integer> base, Map<String, Integer> treat) {
    List<String> seeds = base.keySet().stream().filter(treat::containsKey).toList();
    List<Integer> baseRuns = seeds.stream().map(base::get).toList();
    List<Integer> treatRuns = seeds.stream().map(treat::get).toList();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("baseline", baseArm);
    node.put("treatment", treatArm);
    node.put("paired_seeds", seeds.size());
    PairedOverSeeds.addTo(node, metrics(baseRuns), metrics(treatRuns), HEADLINE);
    PairedOverUsers.addTo(node, seeds, folders(baseRuns), folders(treatRuns), records.get(baseRuns.get(0)).selectionMetric());
    speedups(node, baseRuns, treatRuns);
    return node;
  }

  private List<Path> folders(List<Integer> runs) {
    return runs.stream().map(r -> records.get(r).directory()).toList();
  }

  /**
   * Epochs and seconds to the best epoch: the reduction of the means over the paired seeds (the estimator of
   * {@code rankcf tables} and {@code rankcf map}, so one pair reads the same everywhere), with both means. Seconds to
   * 95% of the baseline's best: the mean of the per-seed reductions over the seeds whose warm-start run reached it.
   */
  private void speedups(ObjectNode node, List<Integer> baseRuns, List<Integer> treatRuns) {
    SummaryStatistics baseEpochs = new SummaryStatistics();
    SummaryStatistics treatEpochs = new SummaryStatistics();
    SummaryStatistics baseSeconds = new SummaryStatistics();
    SummaryStatistics treatSeconds = new SummaryStatistics();
    SummaryStatistics secondsToTarget = new SummaryStatistics();
    for (int k = 0; k < baseRuns.size(); k++) {
      RunRecord b = records.get(baseRuns.get(k));
      RunRecord t = records.get(treatRuns.get(k));
      Speedup speedup = Speedup.of(new RunPair(t, b), b.selectionMetric(), TARGET_FRACTION);
      baseEpochs.addValue(speedup.baseline().toBest().epochs());
      treatEpochs.addValue(speedup.warm().toBest().epochs());
      baseSeconds.addValue(speedup.baseline().toBest().elapsedSeconds());
      treatSeconds.addValue(speedup.warm().toBest().elapsedSeconds());
      if (!Double.isNaN(speedup.secondsToTargetReduction())) {
        secondsToTarget.addValue(speedup.secondsToTargetReduction());
      }
    }
    putMeans(node, "epochs_to_best", baseEpochs, treatEpochs);
    putMeans(node, "seconds_to_best", baseSeconds, treatSeconds);
    // over the seeds whose warm-start run reached 95% of its baseline's best at all
    node.put("seconds_to_95pct_of_baseline_best_reduction_pct", secondsToTarget.getN() == 0 ? Double.NaN : secondsToTarget.getMean());
    node.put("seeds_reaching_95pct_of_baseline_best", secondsToTarget.getN());
  }

  private static void putMeans(ObjectNode node, String field, SummaryStatistics base, SummaryStatistics treat) {
    node.put(field + "_baseline_mean", base.getMean());
    node.put(field + "_treatment_mean", treat.getMean());
    node.put(field + "_reduction_pct", 100 * (base.getMean() - treat.getMean()) / base.getMean());
  }
}
