package org.rankcf.framework.objective;

import org.rankcf.framework.util.Parallel;

/**
 * A {@link UnitRowTerm} applied to the row-normalised rows, with the normalisation's chain rule: normalise,
 * let the term add dF/dX^, then project back onto the raw rows. Keeps its buffers; not thread-safe.
 */
public final class NormalizedRowTerm implements RowTerm {
  private final UnitRowTerm term;
  private final UnitRows unit = new UnitRows();

  public NormalizedRowTerm(UnitRowTerm term) {
    this.term = term;
  }

  @Override
  public double valueAndGradient(float[] rows, int n, int dim, float[] grad, double weight, Parallel parallel) {
    unit.normalize(rows, n, dim);
    double value = term.valueAndGradient(unit, parallel);
    unit.backward(weight, grad);
    return value;
  }
}
