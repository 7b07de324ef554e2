package org.rankcf.framework.spi;

/** A collaborative-filtering loss over a batch of positive pairs (and, if it uses them, negatives). */
public interface Loss extends Objective {
  /** Whether the loss reads sampled negatives; if so the sampler must give at least one per pair. */
  boolean usesNegatives();

  /** The state the loss keeps across steps ({@link LossState#NONE} for none). */
  default LossState state() {
    return LossState.NONE;
  }
}
