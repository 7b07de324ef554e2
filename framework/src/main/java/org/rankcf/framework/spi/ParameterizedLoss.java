package org.rankcf.framework.spi;

import java.util.List;
import org.rankcf.framework.batch.Batch;

/**
 * A loss with parameters of its own and its own update schedule: the trainer builds an optimiser per
 * {@link ParameterGroup}, runs the loss's {@link LossPass}es every step, saves the groups and their
 * optimisers' state in checkpoints. A loss without either is a plain {@link Loss}.
 */
public interface ParameterizedLoss extends Loss {
  /** The groups, in a fixed order (checkpoints rely on it); the same instances for the loss's lifetime. */
  List<ParameterGroup> parameterGroups();

  /** The passes of every step of epoch {@code epoch} (0-based), in order. */
  List<LossPass> passes(int epoch);

  /**
   * Pass {@code pass}'s value on the batch; adds {@code weight} times its gradient into the batch's gradient
   * buffers and into the groups' gradients.
   */
  double valueAndGradient(Batch batch, double weight, LossPass pass);

  /** Called after the groups stepped (projections, clipping); the default does nothing. */
  default void afterParameterStep() {}
}
