package org.rankcf.framework.objective;

import org.rankcf.framework.util.Parallel;

/** A differentiable function of a block of embedding rows: one side (users or items) of a batch. */
@FunctionalInterface
public interface RowTerm {
  /**
   * Returns f of the first {@code n} rows of {@code rows} (row stride {@code dim}) and adds
   * {@code weight * df/dX} into {@code grad} (same layout).
   */
  double valueAndGradient(float[] rows, int n, int dim, float[] grad, double weight, Parallel parallel);
}
