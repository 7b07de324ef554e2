package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a sweep rung by rung ({@link Halving}): each rung is one call of the executor (one Spark job) holding
 * the runs that go on, paused at the rung's epoch budget, and the runs the previous rung stopped, which are
 * committed where they stand. Decisions are made from the run folders alone, and only from the epochs up to
 * the rung, so a driver restarted with the same command takes the same decisions and every executor gives the
 * same runs. Synchronous: a rung waits for all its runs, which keeps the decisions independent of which run
 * finishes first ({@link AsynchronousHalving} does not wait).
 */
final class SuccessiveHalving {
  private final SweepSpec spec;
  private final RungScores scores;

  SuccessiveHalving(SweepSpec spec, RungScores scores) {
    this.spec = spec;
    this.scores = scores;
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
    Map<String, Map<SweepRunTask, Double>> groups = new LinkedHashMap<>();
    for (SweepRunTask task : runs) {
      Double score = scores.atRung(task, epochs);
      if (score != null) {
        groups.computeIfAbsent(scores.group(task), g -> new LinkedHashMap<>()).put(task, score);
      }
    }
    for (Map<SweepRunTask, Double> group : groups.values()) {
      List<SweepRunTask> ranked = RungScores.bestFirst(group);
      int keep = spec.halving().promoted(ranked.size());
      promoted.addAll(ranked.subList(0, keep));
      pruned.addAll(ranked.subList(keep, ranked.size()));
    }
    promoted.sort(Comparator.comparingInt(SweepRunTask::index));
    pruned.sort(Comparator.comparingInt(SweepRunTask::index));
  }
}
