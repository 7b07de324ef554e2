package org.rankcf.framework.kernels;

/**
 * The dense kernels rankcf's hot paths run on. Two implementations: {@link ScalarKernels} (plain Java,
 * always available) and a Vector API one used when {@code jdk.incubator.vector} is loaded. They must agree
 * to float rounding; tests compare them.
 */
public interface KernelPath {
  /** "vector" or "scalar" (recorded in run manifests). */
  String name();

  /** Sum of a[aOff + t] * b[bOff + t] for t in [0, n). */
  float dot(float[] a, int aOff, float[] b, int bOff, int n);

  /** y[yOff + t] += alpha * x[xOff + t] for t in [0, n). */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  /** z[zOff + t] += alpha * x[xOff + t] + beta * y[yOff + t] for t in [0, n): two axpys in one pass. */
  void axpby(float alpha, float[] x, int xOff, float beta, float[] y, int yOff, float[] z, int zOff, int n);

  /**
   * C = A * B^T: A is m x k (row stride k), B is n x k (row stride k), C is m x n written at
   * {@code c[cOff + r * ldc + col]}.
   */
  void gemmNT(float[] a, int aOff, int m, float[] b, int bOff, int n, int k, float[] c, int cOff, int ldc);

  /** Rows per float fused multiply-add chain in {@link #gramAccumulate}: a packed block stays in L1. */
  int GRAM_BLOCK = 64;
  /** Rows whose block sums are added up in float before {@link #gramAccumulate} adds them into double. */
  int GRAM_SPAN = 16 * GRAM_BLOCK;

  /**
   * Adds the upper triangle (q &gt;= p) of S X^T X S over the rows [from, to) of X (stride dim) into the
   * dim x dim array {@code gram}, S = diag({@code rowScale}) (indexed by row; null for no scaling);
   * entries below the diagonal are left alone. Single-precision throughput with double accumulation: each
   * entry is a float fused multiply-add chain over a block of {@link #GRAM_BLOCK} rows scaled in float, the
   * block sums are added in float over a span of {@link #GRAM_SPAN} rows (blocks and spans counted from
   * {@code from}), and each span's sum is added into {@code gram}.
   */
  void gramAccumulate(float[] x, float[] rowScale, int from, int to, int dim, double[] gram);

  /**
   * {@link #gramAccumulate} of the rows scaled to unit norm: first sets inverseNorms[r] =
   * 1 / max(||x_r||, minNorm) for r in [from, to), computed as each block is packed so the rows are read
   * from memory once, then uses these as the row scales. The squares are summed in the path's own order
   * (as {@link #dot} does), so the two paths agree to float rounding here, not bit for bit.
   */
  void unitRowGramAccumulate(float[] x, float[] inverseNorms, double minNorm, int from, int to, int dim,
      double[] gram);

  /**
   * x[t] = e^(scale * (x[t] - 1)) for t in [0, n), for arguments at most about 0 (the pair terms of the
   * uniformity, from cosine similarities), and returns the sum of the new values. The exponential is
   * {@link FloatExp}'s; both paths produce the same bits per element, the sums agree to rounding.
   */
  double expShiftedSum(float[] x, int n, float scale);

  /**
   * One Adam step with coupled weight decay over [from, to) of a parameter array, and clears the gradient:
   * g += wd * p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= stepSize * m / (sqrt(v) / sqrt(bc2) + eps)
   * where stepSize = lr / bc1.
   */
  void adam(float[] p, float[] g, float[] m, float[] v, int from, int to,
      float weightDecay, float beta1, float beta2, float stepSize, float invSqrtBc2, float eps);

  /** The micro-kernel of the blocked full-ranking loop ({@link FullRanker}) on this path. */
  default TileScorer tileScorer() {
    return ScalarTileScorer.INSTANCE;
  }

  /** The gather kernels of the fused sampled-negatives pass ({@link SampledRowPass}) on this path. */
  default SampledRows sampledRows() {
    return ScalarSampledRows.INSTANCE;
  }

  /** The inner kernel of the Householder tridiagonalisation (the top eigenpair) on this path. */
  default HouseholderRows householderRows() {
    return ScalarHouseholderRows.INSTANCE;
  }
}
