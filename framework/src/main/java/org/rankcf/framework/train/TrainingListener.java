package org.rankcf.framework.train;

import org.rankcf.framework.spi.Model;

/** Receives progress from the trainer (run records, progress bars, checkpoints, diagnostics). */
public interface TrainingListener {
  /** Before the first step of an epoch, with the number of steps it will take. */
  default void epochStarted(int epoch, PhaseKind phase, int steps) {}

  /** After each step. */
  default void stepDone(int epoch, int step) {}

  /** After the epoch's validation, with the model's final tables current (counted as evaluation time). */
  default void epochEvaluated(int epoch, Model model) {}

  /** After the epoch's evaluation. */
  default void epochDone(EpochRecord record) {}
}
