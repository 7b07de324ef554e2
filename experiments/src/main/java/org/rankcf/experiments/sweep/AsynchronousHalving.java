package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asynchronous successive halving (ASHA, Li et al., MLSys 2020) with epochs as the resource: {@code workers}
 * jobs of one run each are kept going, each training its run up to its next rung of {@link Halving}. Whenever
 * one ends, the driver fills the slot with, in this order: a run a previous driver left half-way to a rung; a
 * run paused at the highest rung where it is among the best 1/{@code reduction} of its selection group's runs
 * that have reached that rung so far and was not promoted yet (it continues from its checkpoint); the next
 * run not started yet. Once a rung can gain no more runs of a group, at least one of them goes on, as in the
 * synchronous search. When nothing trains and nothing can be promoted, the paused runs are committed as
 * pruned where they stand, in one last job.
 *
 * <p>No slot waits for a rung to fill, but which runs go on depends on the order in which runs end: two
 * executors or worker counts may promote differently; with one worker the decisions are always the same.
 * Decisions are made from the run folders (the trajectories up to each rung), so a driver restarted with the
 * same command picks up where the folder stands: runs done stay done, paused runs are judged at their rung,
 * and a run that was training resumes from its checkpoint.
 */
final class AsynchronousHalving {
  /** Where a run stands, as the driver sees it. */
  private enum Stage { TO_START, TO_RESUME, TRAINING, PAUSED, ENDED }

  private static final class Run {
    final SweepRunTask task;
    /** Its score at each rung, null where it has not got there (or stopped before it). */
    final Double[] scores;
    Stage stage;
    /** TO_RESUME, TRAINING: the rung it trains to; PAUSED: the rung it waits at. */
    int rung;

    Run(SweepRunTask task, int rungs) {
      this.task = task;
      this.scores = new Double[rungs];
    }
  }

  private final Halving halving;
  private final RungScores scores;
  private final int workers;
  private final List<Integer> rungs;
  private final List<Run> runs = new ArrayList<>();
  /** The runs by selection group, groups and runs in plan order. */
  private final Map<String, List<Run>> groups = new LinkedHashMap<>();
  private final Deque<Run> toResume = new ArrayDeque<>();
  private final Deque<Run> toStart = new ArrayDeque<>();

  AsynchronousHalving(SweepSpec spec, RungScores scores) {
    this.halving = spec.halving();
    this.scores = scores;
    this.workers = spec.workers();
    this.rungs = halving.rungs();
  }

  void run(List<SweepRunTask> tasks, SweepExecutor executor, PrintWriter log) {
    tasks.forEach(this::load);
    log.printf("halving (asynchronous): rungs %s, %d runs at a time; %d to start, %d to resume, %d paused, %d ended%n",
        rungs, workers, toStart.size(), toResume.size(), count(Stage.PAUSED), count(Stage.ENDED));
    log.flush();
    train(executor, log);
    List<SweepRunTask> stopping = new ArrayList<>();
    for (Run run : runs) {
      if (run.stage == Stage.PAUSED) {
        stopping.add(run.task.atRung(rungs.get(run.rung), true));
      }
    }
    if (!stopping.isEmpty()) {
      log.printf("halving (asynchronous): nothing more to promote, %d paused runs stop where they are%n", stopping.size());
      log.flush();
      executor.execute(stopping, log);
    }
  }

  /** Keeps {@code workers} jobs going until nothing is left to train; a job's error ends it after the others. */
  private void train(SweepExecutor executor, PrintWriter log) {
    ExecutorService slots = Executors.newFixedThreadPool(workers, job -> {
      Thread thread = new Thread(job, "asha-slot");
      thread.setDaemon(true);
      return thread;
    });
    CompletionService<Run> ended = new ExecutorCompletionService<>(slots);
    RuntimeException failure = null;
    int training = 0;
    try {
      while (true) {
        while (failure == null && training < workers) {
          Run run = next(log);
          if (run == null) {
            break;
          }
          SweepRunTask job = run.rung == rungs.size() - 1 ? run.task : run.task.atRung(rungs.get(run.rung), false);
          run.stage = Stage.TRAINING;
          ended.submit(() -> {
            executor.execute(List.of(job), log);
            return run;
          });
          training++;
        }
        if (training == 0) {
          break;
        }
        try {
          settle(ended.take().get());
        } catch (ExecutionException e) {
          // the others go on to their end, so no job is cut off half-way while the error propagates
          failure = failure != null ? failure
              : e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        training--;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } finally {
      slots.shutdownNow();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** What a free slot trains next, or null when nothing can go now. */
  private Run next(PrintWriter log) {
    if (!toResume.isEmpty()) {
      return toResume.poll();
    }
    Run promoted = promotable();
    if (promoted != null) {
      promoted.rung++;
      log.printf("halving: %s goes on from %d to %d epochs%n", promoted.task.name(), rungs.get(promoted.rung - 1),
          rungs.get(promoted.rung));
      log.flush();
      return promoted;
    }
    return toStart.poll();
  }

  /** A paused run that goes on: from the highest rung, in each group the best not promoted yet, groups in plan order. */
  private Run promotable() {
    for (int k = rungs.size() - 2; k >= 0; k--) {
      for (List<Run> group : groups.values()) {
        Map<SweepRunTask, Double> reached = new LinkedHashMap<>();
        Map<SweepRunTask, Run> byTask = new LinkedHashMap<>();
        for (Run run : group) {
          if (run.scores[k] != null) {
            reached.put(run.task, run.scores[k]);
            byTask.put(run.task, run);
          }
        }
        int quota = closed(group, k) ? halving.promoted(reached.size()) : halving.promotedSoFar(reached.size());
        for (SweepRunTask task : RungScores.bestFirst(reached).subList(0, Math.min(quota, reached.size()))) {
          Run run = byTask.get(task);
          if (run.stage == Stage.PAUSED && run.rung == k) {
            return run;
          }
        }
      }
    }
    return null;
  }

  /** Whether no more runs of the group can reach rung {@code k}: none that has not got there may still train. */
  private static boolean closed(List<Run> group, int k) {
    for (Run run : group) {
      boolean mayArrive = switch (run.stage) {
        case TO_START -> true;
        case TO_RESUME, TRAINING -> run.scores[k] == null;
        case PAUSED -> run.rung < k;
        case ENDED -> false;
      };
      if (mayArrive) {
        return false;
      }
    }
    return true;
  }

  /** A job ended: the run paused at its rung, or was committed, or failed. */
  private void settle(Run run) {
    RunStatus status = scores.status(run.task);
    if (scores.committed(run.task) || status != null && status.state() == RunStatus.State.FAILED) {
      run.stage = Stage.ENDED;
    } else if (status != null && status.state() == RunStatus.State.PAUSED) {
      run.stage = Stage.PAUSED;
    } else {
      throw new IllegalStateException(run.task.name() + ": its job ended with the run neither paused, committed nor failed");
    }
    readScores(run);
  }

  /** The run as its folder left it: ended, paused at a rung, half-way to one, or not started. */
  private void load(SweepRunTask task) {
    Run run = new Run(task, rungs.size());
    runs.add(run);
    groups.computeIfAbsent(scores.group(task), g -> new ArrayList<>()).add(run);
    readScores(run);
    RunStatus status = scores.status(task);
    int epochs = scores.epochsTrained(task);
    int atRung = rungs.indexOf(epochs);
    if (scores.committed(task)) {
      run.stage = Stage.ENDED;
    } else if (epochs == 0) {
      run.stage = Stage.TO_START;
      toStart.add(run);
    } else if (status != null && status.state() == RunStatus.State.PAUSED && atRung >= 0 && atRung < rungs.size() - 1) {
      run.stage = Stage.PAUSED;
      run.rung = atRung;
    } else {
      // killed (or failed) on the way: it trains on to the first rung at or after where it stands
      run.stage = Stage.TO_RESUME;
      run.rung = 0;
      while (rungs.get(run.rung) < epochs) {
        run.rung++;
      }
      toResume.add(run);
    }
  }

  private void readScores(Run run) {
    System.arraycopy(scores.atRungs(run.task, rungs), 0, run.scores, 0, rungs.size());
  }

  private long count(Stage stage) {
    return runs.stream().filter(run -> run.stage == stage).count();
  }
}
