package org.rankcf.experiments.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.RunReader;

/**
 * What both halving searches ({@link SuccessiveHalving}, {@link AsynchronousHalving}) judge runs by: a run's
 * score at a rung, read from its folder, its selection group, and the order of a group's runs at a rung.
 * Only the epochs up to the rung count, so a run judged again after it went further (a restarted driver)
 * gets the same score.
 */
final class RungScores {
  private final SweepSpec spec;
  private final List<SweepPlan.PlannedRun> plan;
  private final List<String> metrics;
  private final Path sweepDir;

  /** @param metrics each run's selection metric, in plan order */
  RungScores(SweepSpec spec, List<SweepPlan.PlannedRun> plan, List<String> metrics, Path sweepDir) {
    this.spec = spec;
    this.plan = plan;
    this.metrics = metrics;
    this.sweepDir = sweepDir;
  }

  /** The runs a run competes with share this key: the same arm and seed. */
  String group(SweepRunTask task) {
    SweepPlan.PlannedRun run = plan.get(task.index());
    return run.arm(spec) + "|" + run.axes().get(spec.seedKey());
  }

  /** The runs of one group at one rung, best score first; plan order among equals, so ties fall the same way. */
  static List<SweepRunTask> bestFirst(Map<SweepRunTask, Double> scores) {
    List<SweepRunTask> ranked = new ArrayList<>(scores.keySet());
    ranked.sort(Comparator.comparingDouble((SweepRunTask t) -> -scores.get(t)).thenComparingInt(SweepRunTask::index));
    return ranked;
  }

  /**
   * The run's best validation metric over its first {@code epochs} epochs if it was still training at the
   * rung, else null (it stopped early before the rung, failed, or has not got there). Read from its
   * trajectory, the committed folder's or the partial one's; the run must not be training meanwhile.
   */
  Double atRung(SweepRunTask task, int epochs) {
    return atRungs(task, List.of(epochs))[0];
  }

  /** {@link #atRung} at each of the {@code rungs}, reading the run's folder once. */
  Double[] atRungs(SweepRunTask task, List<Integer> rungs) {
    Double[] scores = new Double[rungs.size()];
    RunStatus status = status(task);
    if (status != null && status.state() == RunStatus.State.FAILED) {
      return scores;
    }
    List<EpochRecord> records = trajectory(task);
    String metric = metrics.get(task.index());
    // bestOfFirst[e]: the best validation value of the first e epochs, one pass for all rungs
    double[] bestOfFirst = new double[records.size() + 1];
    bestOfFirst[0] = Double.NEGATIVE_INFINITY;
    for (int e = 0; e < records.size(); e++) {
      Double value = records.get(e).validation().get(metric);
      bestOfFirst[e + 1] = value != null && value > bestOfFirst[e] ? value : bestOfFirst[e];
    }
    // a run whose trajectory ends exactly at a rung has reached it if it is still open or was pruned there
    boolean endedAtARung = rungs.contains(records.size())
        && (!committed(task) || prunedHere(sweepDir.resolve(task.name())));
    for (int k = 0; k < rungs.size(); k++) {
      int epochs = rungs.get(k);
      if (records.size() > epochs || records.size() == epochs && endedAtARung) {
        scores[k] = bestOfFirst[epochs];
      }
    }
    return scores;
  }

  /** Whether the run is committed (its folder holds metrics.json): done, stopped early, or pruned. */
  boolean committed(SweepRunTask task) {
    return Files.exists(sweepDir.resolve(task.name()).resolve(RunReader.METRICS));
  }

  /** The run's status file, or null before its first start. */
  RunStatus status(SweepRunTask task) {
    return RunStatus.read(sweepDir, task.name());
  }

  /** The epochs the run has trained so far by its trajectory (committed or partial); 0 before its first. */
  int epochsTrained(SweepRunTask task) {
    return trajectory(task).size();
  }

  private List<EpochRecord> trajectory(SweepRunTask task) {
    Path folder = committed(task) ? sweepDir.resolve(task.name()) : sweepDir.resolve("." + task.name() + ".partial");
    Path trajectory = folder.resolve(RunReader.TRAJECTORY);
    if (!Files.exists(trajectory) || size(trajectory) == 0) {
      return List.of();
    }
    return RunReader.readTrajectory(trajectory, metrics.get(task.index()));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw org.rankcf.framework.util.IoErrors.at(file, "read", e);
    }
  }

  /** Whether a committed run was stopped by the search (it reached its last rung still training). */
  private static boolean prunedHere(Path committed) {
    return SweepRunTask.PRUNED.equals(RunReader.readJson(committed.resolve(RunReader.METRICS)).path("stop_reason").asText());
  }
}
