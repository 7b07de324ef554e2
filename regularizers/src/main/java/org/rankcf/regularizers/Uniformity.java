package org.rankcf.regularizers;

import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.util.Parallel;

/**
 * The uniformity of Wang and Isola (DirectAU): unif(X^) = log( mean over p &lt; q of exp(-t ||x^_p - x^_q||^2) )
 * over the n rows of a row-normalised matrix, with its gradient.
 *
 * <p>For unit rows ||x^_p - x^_q||^2 = 2 - 2 &lt;x^_p, x^_q&gt;, so the pair terms e_pq come from the Gram
 * matrix X^ X^T, built a block of rows at a time with gemmNT (never all n^2 entries at once). With
 * S = sum over p &lt; q of e_pq, d unif / d x^_p = (2t / S) sum over q != p of e_pq x^_q, the product of the
 * same block of e_pq with X^. Time O(n^2 d), memory O(block * n) per chunk. The rows are split into one
 * chunk per thread and the partial sums are added in chunk order, so results do not depend on timing.
 * The exponent is at most 0, so no overflow; values are accumulated in double.
 */
public final class Uniformity implements UnitRowTerm {
  private static final int BLOCK = 128;

  private final double t;
  private float[] transposed = new float[0];
  private float[] direction = new float[0];
  private float[][] blocks = new float[0][];

  /** A uniformity with the given t (2 in DirectAU). */
  public Uniformity(double t) {
    this.t = t;
  }

  /** Returns unif of the rows (0 for fewer than two rows) and adds its gradient into {@code rows.gradient()}. */
  @Override
  public double valueAndGradient(UnitRows rows, Parallel parallel) {
    int n = rows.rows();
    int dim = rows.dim();
    if (n < 2) {
      return 0;
    }
    float[] x = rows.unit();
    prepare(n, dim, parallel.threads());
    RowMajor.transpose(x, 0, n, dim, transposed);
    // every unordered pair is counted twice, once from each of its rows
    double twiceSum = parallel.sum(n, (chunk, from, to) -> pairTerms(x, n, dim, from, to, blocks[chunk]));
    double value = Math.log(twiceSum / ((double) n * (n - 1)));
    float scale = (float) (4 * t / twiceSum);
    KernelPath kernels = Kernels.path();
    float[] gradient = rows.gradient();
    kernels.axpy(scale, direction, 0, gradient, 0, n * dim);
    return value;
  }

  /**
   * For the rows [from, to): their e_pq summed over q != p (returned), and sum over q of e_pq x^_q written
   * to {@link #direction}.
   */
  private double pairTerms(float[] x, int n, int dim, int from, int to, float[] block) {
    KernelPath kernels = Kernels.path();
    double twoT = 2 * t;
    double sum = 0;
    for (int first = from; first < to; first += BLOCK) {
      int m = Math.min(BLOCK, to - first);
      kernels.gemmNT(x, first * dim, m, x, 0, n, dim, block, 0, n);
      for (int r = 0; r < m; r++) {
        int offset = r * n;
        int self = first + r;
        for (int q = 0; q < n; q++) {
          double e = q == self ? 0 : Math.exp(twoT * (block[offset + q] - 1));
          block[offset + q] = (float) e;
          sum += e;
        }
      }
      kernels.gemmNT(block, 0, m, transposed, 0, dim, n, direction, first * dim, dim);
    }
    return sum;
  }

  private void prepare(int n, int dim, int threads) {
    if (transposed.length < n * dim) {
      transposed = new float[n * dim];
      direction = new float[n * dim];
    }
    if (blocks.length < threads) {
      blocks = new float[threads][0];
    }
    for (int c = 0; c < threads; c++) {
      if (blocks[c].length < BLOCK * n) {
        blocks[c] = new float[BLOCK * n];
      }
    }
  }
}
