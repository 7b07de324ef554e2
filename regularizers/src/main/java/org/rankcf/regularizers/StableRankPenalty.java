package org.rankcf.regularizers;

import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.spectral.Spectra;
import org.rankcf.framework.util.Parallel;

/**
 * R(X^) = -srank(X^) / d = -||X^||_F^2 / (d * lambda), lambda = sigma_1(X^)^2 the top eigenvalue of the
 * d x d Gram G = X^T X^; minimising R raises the stable rank of the row-normalised matrix.
 *
 * <p>Value and gradient come from G (O(n d^2), accumulated in double) and its top eigenpair (lambda, v):
 * with F = trace(G) and p_r = &lt;x^_r, v&gt;, dR/dx^_r = (2F / (d lambda^2)) p_r v - (2 / (d lambda)) x^_r.
 * {@link UnitRows#backward} then projects out the second part for every non-zero row, which gives
 * PROTOCOL.md's (2 n / (d lambda^2)) p_r (v - p_r x^_r) / ||x_r||. Never a full SVD of the n x d matrix.
 */
public final class StableRankPenalty implements UnitRowTerm {
  private float[] vector = new float[0];

  /** Returns R of the rows (0 when they are all zero) and adds dR/dX^ into {@code rows.gradient()}. */
  @Override
  public double valueAndGradient(UnitRows rows, Parallel parallel) {
    int n = rows.rows();
    int dim = rows.dim();
    if (n == 0) {
      return 0;
    }
    float[] x = rows.unit();
    double[] gram = Spectra.gram(x, n, dim, parallel);
    double frobenius = 0;
    for (int c = 0; c < dim; c++) {
      frobenius += gram[c * dim + c];
    }
    Spectra.Eigenpair top = Spectra.topEigenpair(gram, dim);
    double lambda = top.value();
    if (!(lambda > 0)) {
      return 0;
    }
    if (vector.length < dim) {
      vector = new float[dim];
    }
    for (int c = 0; c < dim; c++) {
      vector[c] = (float) top.vector()[c];
    }
    float along = (float) (2 * frobenius / (dim * lambda * lambda));
    float radial = (float) (-2 / (dim * lambda));
    float[] gradient = rows.gradient();
    KernelPath kernels = Kernels.path();
    for (int r = 0; r < n; r++) {
      int base = r * dim;
      float projection = kernels.dot(x, base, vector, 0, dim);
      kernels.axpy(along * projection, vector, 0, gradient, base, dim);
      kernels.axpy(radial, x, base, gradient, base, dim);
    }
    return -frobenius / (dim * lambda);
  }
}
