package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.util.List;

/**
 * Where a sweep's runs execute. Every run is a {@link SweepRunTask}, so any executor gives the same run
 * folders: the task itself skips finished runs, resumes from checkpoints and commits by rename.
 */
public interface SweepExecutor {
  /** Runs every task, returning when all are done; the first failure is rethrown. */
  void execute(List<SweepRunTask> tasks, PrintWriter log);
}
