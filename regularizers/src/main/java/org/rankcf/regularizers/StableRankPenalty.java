package org.rankcf.regularizers;

import org.rankcf.framework.batch.RowGradient;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.spectral.Spectra;
import org.rankcf.framework.util.Parallel;

/**
 * R(X^) = -srank(X^) / d = -||X^||_F^2 / (d * lambda) of the row-normalised rows X^ = N X, N = diag(1 / ||x_r||),
 * lambda = sigma_1(X^)^2 the top eigenvalue of the d x d Gram G = X^T N^2 X; minimising R raises the stable
 * rank.
 *
 * <p>Fused for speed, O(n d^2) per call and never a full SVD: G straight from the raw rows, the norms
 * computed by the Gram kernel as it packs the rows (X^ is never written out), then G's top eigenpair
 * (lambda, v), then one pass that adds the gradient. With F = trace(G) and p_r = &lt;x^_r, v&gt;,
 * dR/dx^_r = (2F / (d lambda^2)) p_r v - (2 / (d lambda)) x^_r, and the normalisation's Jacobian
 * (I - x^_r x^_r^T) / ||x_r|| removes the radial part: dR/dx_r = (2F / (d lambda^2)) p_r (v - p_r x^_r) / ||x_r||,
 * PROTOCOL.md's formula. Rows below the {@link UnitRows#MIN_NORM} floor are divided by the floor, not
 * normalised, so their Jacobian is I / floor and both parts stay.
 */
public final class StableRankPenalty implements RowTerm {
  private static final float FLOOR_INVERSE = (float) (1 / UnitRows.MIN_NORM);

  /** R on one block of rows and weight times its gradient, per row (null when the block is all zero). */
  public record Evaluation(double value, RowGradient gradient) {}

  @Override
  public double valueAndGradient(float[] x, int n, int dim, float[] grad, double weight, Parallel parallel) {
    float[] inverseNorms = new float[n];
    Evaluation penalty = evaluate(Spectra.unitRowGram(x, inverseNorms, n, dim, UnitRows.MIN_NORM, parallel),
        inverseNorms, dim, weight);
    RowGradient gradient = penalty.gradient();
    if (gradient != null) {
      parallel.forRange(n, (chunk, from, to) -> {
        for (int r = from; r < to; r++) {
          gradient.addTo(r, x, r * dim, grad, r * dim);
        }
      });
    }
    return penalty.value();
  }

  /**
   * R and its gradient from a block's unit-row Gram ({@link Spectra#unitRowGram}) and the inverse norms that
   * left, which the gradient keeps (they must not change while it is in use). Thread-safe.
   */
  public static Evaluation evaluate(double[] gram, float[] inverseNorms, int dim, double weight) {
    double frobenius = 0;
    for (int c = 0; c < dim; c++) {
      frobenius += gram[c * dim + c];
    }
    Spectra.Eigenpair top = Spectra.topEigenpair(gram, dim);
    double lambda = top.value();
    if (!(lambda > 0)) {
      return new Evaluation(0, null);
    }
    float[] v = new float[dim];
    for (int c = 0; c < dim; c++) {
      v[c] = (float) top.vector()[c];
    }
    float along = (float) (weight * 2 * frobenius / (dim * lambda * lambda));
    float radial = (float) (weight * -2 / (dim * lambda));
    RowGradient gradient = (slot, row, rowOffset, grad, gradOffset) -> {
      KernelPath kernels = Kernels.path();
      float scale = inverseNorms[slot];
      float projection = scale * kernels.dot(row, rowOffset, v, 0, dim);
      float towardV = scale * along * projection;
      // normalised rows lose the radial part of the gradient; rows at the floor keep it
      float ownRow = scale * scale * (scale < FLOOR_INVERSE ? -along * projection * projection : radial);
      kernels.axpby(towardV, v, 0, ownRow, row, rowOffset, grad, gradOffset, dim);
    };
    return new Evaluation(-frobenius / (dim * lambda), gradient);
  }
}
