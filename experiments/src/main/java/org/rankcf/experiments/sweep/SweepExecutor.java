package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.util.List;

/**
 * Where a sweep's runs execute. Every run is a {@link SweepRunTask}, so any executor gives the same run
 * folders: the task itself skips finished runs, resumes from checkpoints and commits by rename.
 */
public interface SweepExecutor extends AutoCloseable {
  /**
   * Runs every task, returning when all are done; an error outside the runs (a run's own failure is recorded
   * by its task) is rethrown. Called once per rung by a search, and once per run and rung by an asynchronous
   * search, from several threads at once: an engine may keep its session between calls and must allow
   * concurrent ones.
   */
  void execute(List<SweepRunTask> tasks, PrintWriter log);

  /** Ends the engine's session, if it keeps one. */
  @Override
  default void close() {}
}
