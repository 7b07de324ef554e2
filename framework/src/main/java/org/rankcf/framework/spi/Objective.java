package org.rankcf.framework.spi;

import org.rankcf.framework.batch.Batch;

/** A differentiable term of the training objective, evaluated on one mini-batch. */
public interface Objective {
  /**
   * Returns the term's value on the batch and adds {@code weight} times its gradient into the batch's
   * gradient buffers ({@link Batch#userGrad()}, {@link Batch#itemGrad()}, or the full-table ones).
   */
  double valueAndGradient(Batch batch, double weight);

  /**
   * Whether the term reads or writes table rows outside the batch ({@link Batch#userTable()} and the
   * full-table gradients beyond the batch's rows). Lazy Adam, which steps only the batch's rows, refuses
   * such a term.
   */
  default boolean readsWholeTables() {
    return false;
  }

  /**
   * Whether the gradient holds part of the value constant (a stop-gradient, such as SogCLR's moving average),
   * so that it is not the derivative of the value: the generic finite-difference check leaves such a term to
   * its own test, against a reference that holds the same parts constant.
   */
  default boolean stopsGradients() {
    return false;
  }
}
