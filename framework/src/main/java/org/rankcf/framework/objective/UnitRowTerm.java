package org.rankcf.framework.objective;

import org.rankcf.framework.util.Parallel;

/** A differentiable function of a row-normalised matrix (uniformity, stable rank). */
@FunctionalInterface
public interface UnitRowTerm {
  /** Returns f(X^) and adds dF/dX^ into {@code rows.gradient()}. */
  double valueAndGradient(UnitRows rows, Parallel parallel);
}
