package org.rankcf.regularizers;

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
 * normalised, so their Jacobian is I / floor and both parts stay. Keeps its buffers; not thread-safe.
 */
public final class StableRankPenalty implements RowTerm {
  private static final float FLOOR_INVERSE = (float) (1 / UnitRows.MIN_NORM);

  private float[] inverseNorms = new float[0];
  private float[] topVector = new float[0];

  @Override
  public double valueAndGradient(float[] x, int n, int dim, float[] grad, double weight, Parallel parallel) {
    if (n == 0) {
      return 0;
    }
    if (inverseNorms.length < n) {
      inverseNorms = new float[n];
    }
    float[] inverse = inverseNorms;
    double[] gram = Spectra.unitRowGram(x, inverse, n, dim, UnitRows.MIN_NORM, parallel);
    double frobenius = 0;
    for (int c = 0; c < dim; c++) {
      frobenius += gram[c * dim + c];
    }
    Spectra.Eigenpair top = Spectra.topEigenpair(gram, dim);
    double lambda = top.value();
    if (!(lambda > 0)) {
      return 0;
    }
    if (topVector.length < dim) {
      topVector = new float[dim];
    }
    float[] v = topVector;
    for (int c = 0; c < dim; c++) {
      v[c] = (float) top.vector()[c];
    }
    float along = (float) (weight * 2 * frobenius / (dim * lambda * lambda));
    float radial = (float) (weight * -2 / (dim * lambda));
    parallel.forRange(n, (chunk, from, to) -> {
      KernelPath kernels = Kernels.path();
      for (int r = from; r < to; r++) {
        int base = r * dim;
        float scale = inverse[r];
        float projection = scale * kernels.dot(x, base, v, 0, dim);
        float towardV = scale * along * projection;
        // normalised rows lose the radial part of the gradient; rows at the floor keep it
        float ownRow = scale * scale * (scale < FLOOR_INVERSE ? -along * projection * projection : radial);
        kernels.axpby(towardV, v, 0, ownRow, x, base, grad, base, dim);
      }
    });
    return -frobenius / (dim * lambda);
  }
}
