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

  /**
   * C = A * B^T: A is m x k (row stride k), B is n x k (row stride k), C is m x n written at
   * {@code c[cOff + r * ldc + col]}.
   */
  void gemmNT(float[] a, int aOff, int m, float[] b, int bOff, int n, int k, float[] c, int cOff, int ldc);

  /** Adds X^T X of the rows [from, to) of X (stride dim) into the dim x dim array {@code gram}. */
  void gramAccumulate(float[] x, int from, int to, int dim, double[] gram);

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
}
