package org.rankcf.regularizers;

import org.rankcf.framework.objective.RowTerm;
import org.rankcf.framework.objective.UnitRows;
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

  @Override
  public double valueAndGradient(float[] x, int n, int dim, float[] grad, double weight, Parallel parallel) {
    float[] inverseNorms = new float[n];
    Evaluation penalty = evaluate(Spectra.unitRowGram(x, inverseNorms, n, dim, UnitRows.MIN_NORM, parallel),
        inverseNorms, dim, weight);
    parallel.forRange(n, (chunk, from, to) -> penalty.addGradient(x, from, to, grad));
    return penalty.value();
  }

  /**
   * R and its gradient from a block's unit-row Gram ({@link Spectra#unitRowGram}) and the inverse norms that
   * left, which the evaluation keeps (they must not change while it is in use). Thread-safe.
   */
  public static Evaluation evaluate(double[] gram, float[] inverseNorms, int dim, double weight) {
    double frobenius = 0;
    for (int c = 0; c < dim; c++) {
      frobenius += gram[c * dim + c];
    }
    Spectra.Eigenpair top = Spectra.topEigenpair(gram, dim);
    double lambda = top.value();
    if (!(lambda > 0)) {
      return new Evaluation(0, null, inverseNorms, 0, 0);
    }
    float[] v = new float[dim];
    for (int c = 0; c < dim; c++) {
      v[c] = (float) top.vector()[c];
    }
    return new Evaluation(-frobenius / (dim * lambda), v, inverseNorms,
        (float) (weight * 2 * frobenius / (dim * lambda * lambda)), (float) (weight * -2 / (dim * lambda)));
  }

  /**
   * R on one block of rows and what its weighted gradient needs: the top eigenvector (null when the block is
   * all zero, which has no gradient), the rows' inverse norms and the two coefficients of the gradient.
   */
  public record Evaluation(double value, float[] topVector, float[] inverseNorms, float along, float radial) {
    /** Adds the weighted gradient of rows [from, to) of the block {@code x} into {@code grad} (same layout). */
    public void addGradient(float[] x, int from, int to, float[] grad) {
      if (topVector == null) {
        return;
      }
      KernelPath kernels = Kernels.path();
      int dim = topVector.length;
      for (int r = from; r < to; r++) {
        int base = r * dim;
        float scale = inverseNorms[r];
        float projection = scale * kernels.dot(x, base, topVector, 0, dim);
        float towardV = scale * along * projection;
        // normalised rows lose the radial part of the gradient; rows at the floor keep it
        float ownRow = scale * scale * (scale < FLOOR_INVERSE ? -along * projection * projection : radial);
        kernels.axpby(towardV, topVector, 0, ownRow, x, base, grad, base, dim);
      }
    }
  }
}
