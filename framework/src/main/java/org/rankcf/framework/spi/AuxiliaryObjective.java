package org.rankcf.framework.spi;

import java.util.SplittableRandom;
import org.rankcf.framework.batch.Batch;

/**
 * A term a model adds to every training step on top of the phase's loss and regularizers, typically over
 * extra views of its own (SimGCL's perturbed propagations). It sees the step's batch to pick its rows and
 * a random source that the trainer seeds from (seed, epoch, step) alone, so a run is reproducible for any
 * thread count.
 */
public interface AuxiliaryObjective {
  /** Name of the term in the epoch record. */
  String name();

  /** The weight the term enters the objective with (the model's config). */
  double weight();

  /**
   * Returns the term's unweighted value on the batch and adds {@code weight} times its gradient w.r.t. the
   * model's parameters into {@link Batch#userParameterGrad()} / {@link Batch#itemParameterGrad()} (full
   * tables), drawing all its randomness from {@code random}.
   */
  double valueAndGradient(Batch batch, double weight, SplittableRandom random);
}
