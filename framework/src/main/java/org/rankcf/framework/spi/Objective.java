package org.rankcf.framework.spi;

import org.rankcf.framework.batch.Batch;

/** A differentiable term of the training objective, evaluated on one mini-batch. */
public interface Objective {
  /**
   * Returns the term's value on the batch and adds {@code weight} times its gradient into the batch's
   * gradient buffers ({@link Batch#userGrad()}, {@link Batch#itemGrad()}, or the full-table ones).
   */
  double valueAndGradient(Batch batch, double weight);
}
