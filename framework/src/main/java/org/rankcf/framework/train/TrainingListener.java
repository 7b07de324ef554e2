package org.rankcf.framework.train;

/** Receives progress from the trainer (run records, progress bars, checkpoints). */
public interface TrainingListener {
  /** Before the first step of an epoch, with the number of steps it will take. */
  default void epochStarted(int epoch, String phase, int steps) {}

  /** After each step. */
  default void stepDone(int epoch, int step) {}

  /** After the epoch's evaluation. */
  default void epochDone(EpochRecord record) {}
}
