package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.RunReader;

/**
 * Runs a sweep rung by rung ({@link Halving}): each rung is one call of the executor (one Spark job) holding
 * the runs that go on, paused at the rung's epoch budget, and the runs the previous rung stopped, which are
 * committed where they stand. Decisions are made from the run folders alone, and only from the epochs up to
 * the rung, so a driver restarted with the same command takes the same decisions and every executor gives the
 * same runs. Synchronous: a rung waits for all its runs (no asynchronous promotions), which keeps the
 * decisions independent of which run finishes first.
 */
final class SuccessiveHalving {
  private final SweepSpec spec;
  private final List<SweepPlan.PlannedRun> plan;
  private final List<String> metrics;
  private final Path sweepDir;

  /** @param metrics each run's selection metric, in plan order */
  SuccessiveHalving(SweepSpec spec, List<SweepPlan.PlannedRun> plan, List<String> metrics, Path sweepDir) {
    this.spec = spec;
    this.plan = plan;
    this.metrics = metrics;
    this.sweepDir = sweepDir;
  }

  void run(List<SweepRunTask> tasks, SweepExecutor executor, PrintWriter log) {
    List<Integer> rungs = spec.halving().rungs();
    List<SweepRunTask> going = tasks;
    List<SweepRunTask> stopping = List.of();
    for (int k = 0; k < rungs.size(); k++) {
      int epochs = rungs.get(k);
      boolean last = k == rungs.size() - 1;
      List<SweepRunTask> job = new ArrayList<>();
      going.forEach(task -> job.add(last ? task : task.atRung(epochs, false)));
      stopping.forEach(job::add);
      log.printf("halving: rung %d of %d, %d runs to %d epochs%s%n", k + 1, rungs.size(), going.size(), epochs,
          stopping.isEmpty() ? "" : ", " + stopping.size() + " stopped at the previous rung");
      log.flush();
      if (!job.isEmpty()) {
        executor.execute(job, log);
      }
      if (last) {
        break;
      }
      List<SweepRunTask> promoted = new ArrayList<>();
      List<SweepRunTask> pruned = new ArrayList<>();
      decide(going, epochs, promoted, pruned);
      going = promoted;
      stopping = pruned.stream().map(task -> task.atRung(epochs, true)).toList();
    }
  }

  /**
   * Per selection group (arm and seed), ranks the runs still training at the rung by their best validation
   * metric over its epochs and splits them into those that go on and those that stop. Runs that ended before
   * the rung (early stopping, failure) take no part.
   */
  private void decide(List<SweepRunTask> runs, int epochs, List<SweepRunTask> promoted, List<SweepRunTask> pruned) {
    Map<String, List<SweepRunTask>> groups = new LinkedHashMap<>();
    Map<SweepRunTask, Double> scores = new LinkedHashMap<>();
    for (SweepRunTask task : runs) {
      Double score = scoreAtRung(task, epochs);
      if (score != null) {
        scores.put(task, score);
        SweepPlan.PlannedRun run = plan.get(task.index());
        groups.computeIfAbsent(run.arm(spec) + "|" + run.axes().get(spec.seedKey()), g -> new ArrayList<>()).add(task);
      }
    }
    for (List<SweepRunTask> group : groups.values()) {
      List<SweepRunTask> ranked = new ArrayList<>(group);
      // best first; plan order among equals, so ties are decided the same way every time
      ranked.sort(Comparator.comparingDouble((SweepRunTask t) -> -scores.get(t)).thenComparingInt(SweepRunTask::index));
      int keep = spec.halving().promoted(ranked.size());
      promoted.addAll(ranked.subList(0, keep));
      pruned.addAll(ranked.subList(keep, ranked.size()));
    }
    promoted.sort(Comparator.comparingInt(SweepRunTask::index));
    pruned.sort(Comparator.comparingInt(SweepRunTask::index));
  }

  /**
   * The run's best validation metric over its first {@code epochs} epochs if it was still training at the
   * rung, else null. Read from its trajectory (the committed folder's or the partial one's), so the answer
   * is the same after the run went further (a restarted driver).
   */
  private Double scoreAtRung(SweepRunTask task, int epochs) {
    Path committed = sweepDir.resolve(task.name());
    boolean isCommitted = Files.exists(committed.resolve(RunReader.METRICS));
    Path folder = isCommitted ? committed : sweepDir.resolve("." + task.name() + ".partial");
    Path trajectory = folder.resolve(RunReader.TRAJECTORY);
    RunStatus status = RunStatus.read(sweepDir, task.name());
    if (!Files.exists(trajectory) || size(trajectory) == 0 || status != null && status.state() == RunStatus.State.FAILED) {
      return null;
    }
    String metric = metrics.get(task.index());
    List<EpochRecord> records = RunReader.readTrajectory(trajectory, metric);
    boolean reachedRung = records.size() > epochs || records.size() == epochs && (!isCommitted || prunedHere(committed));
    if (!reachedRung) {
      return null;
    }
    double best = Double.NEGATIVE_INFINITY;
    for (EpochRecord record : records.subList(0, epochs)) {
      Double value = record.validation().get(metric);
      if (value != null && value > best) {
        best = value;
      }
    }
    return best;
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
