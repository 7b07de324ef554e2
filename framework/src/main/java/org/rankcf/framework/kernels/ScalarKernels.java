package org.rankcf.framework.kernels;

/** Plain-Java kernels: the reference the Vector API path is tested against, and the fallback. */
public final class ScalarKernels implements KernelPath {
  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    return dotOf(a, aOff, b, bOff, n);
  }

  private static float dotOf(float[] a, int aOff, float[] b, int bOff, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int t = 0;
    for (; t + 3 < n; t += 4) {
      s0 += a[aOff + t] * b[bOff + t];
      s1 += a[aOff + t + 1] * b[bOff + t + 1];
      s2 += a[aOff + t + 2] * b[bOff + t + 2];
      s3 += a[aOff + t + 3] * b[bOff + t + 3];
    }
    for (; t < n; t++) {
      s0 += a[aOff + t] * b[bOff + t];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int t = 0; t < n; t++) {
      y[yOff + t] += alpha * x[xOff + t];
    }
  }

  @Override
  public void axpby(float alpha, float[] x, int xOff, float beta, float[] y, int yOff, float[] z, int zOff, int n) {
    for (int t = 0; t < n; t++) {
      z[zOff + t] += alpha * x[xOff + t] + beta * y[yOff + t];
    }
  }

  @Override
  public void gemmNT(float[] a, int aOff, int m, float[] b, int bOff, int n, int k, float[] c, int cOff, int ldc) {
    for (int r = 0; r < m; r++) {
      for (int col = 0; col < n; col++) {
        c[cOff + r * ldc + col] = dot(a, aOff + r * k, b, bOff + col * k, k);
      }
    }
  }

  @Override
  public void gramAccumulate(float[] x, float[] rowScale, int from, int to, int dim, double[] gram) {
    GramSpans.accumulate(x, rowScale, from, to, dim, gram, ScalarKernels::copyScaledRows, ScalarKernels::gramBlock);
  }

  @Override
  public void unitRowGramAccumulate(float[] x, float[] inverseNorms, double minNorm, int from, int to, int dim,
      double[] gram) {
    GramSpans.accumulateUnitRows(x, inverseNorms, minNorm, from, to, dim, gram, ScalarKernels::packUnitRows,
        ScalarKernels::gramBlock);
  }

  /** Sets the rows' inverse norms, then packs the rows times them. */
  static void packUnitRows(float[] x, float[] inverseNorms, double minNorm, int first, int count, int dim,
      float[] out) {
    for (int r = first; r < first + count; r++) {
      inverseNorms[r] = GramSpans.inverseNorm(dotOf(x, r * dim, x, r * dim, dim), minNorm);
    }
    copyScaledRows(x, inverseNorms, first, count, dim, out);
  }

  private static void gramBlock(float[] rows, int count, int dim, float[] span) {
    for (int p = 0; p < dim; p++) {
      for (int q = p; q < dim; q++) {
        span[p * dim + q] += gramEntry(rows, count, dim, p, q);
      }
    }
  }

  /** Rows [first, first + count) of x, each times its scale (if any), packed into {@code out}. */
  static void copyScaledRows(float[] x, float[] rowScale, int first, int count, int dim, float[] out) {
    for (int r = 0; r < count; r++) {
      float scale = rowScale == null ? 1f : rowScale[first + r];
      int src = (first + r) * dim;
      int dst = r * dim;
      for (int c = 0; c < dim; c++) {
        out[dst + c] = x[src + c] * scale;
      }
    }
  }

  /** Entry (p, q) of the packed block's X^T X: a float fused multiply-add chain in row order. */
  static float gramEntry(float[] rows, int count, int dim, int p, int q) {
    float acc = 0f;
    for (int r = 0, base = 0; r < count; r++, base += dim) {
      acc = Math.fma(rows[base + p], rows[base + q], acc);
    }
    return acc;
  }

  @Override
  public double expShiftedSum(float[] x, int n, float scale) {
    double sum = 0;
    for (int t = 0; t < n; t++) {
      float e = FloatExp.exp(scale * (x[t] - 1f));
      x[t] = e;
      sum += e;
    }
    return sum;
  }

  @Override
  public void adam(float[] p, float[] g, float[] m, float[] v, int from, int to,
      float weightDecay, float beta1, float beta2, float stepSize, float invSqrtBc2, float eps) {
    adamRange(p, g, m, v, from, to, weightDecay, beta1, beta2, stepSize, invSqrtBc2, eps);
  }

  /** The Adam step of {@link #adam}, also the tail of the vector path. */
  static void adamRange(float[] p, float[] g, float[] m, float[] v, int from, int to,
      float weightDecay, float beta1, float beta2, float stepSize, float invSqrtBc2, float eps) {
    float c1 = 1 - beta1;
    float c2 = 1 - beta2;
    for (int t = from; t < to; t++) {
      float grad = g[t] + weightDecay * p[t];
      float mt = beta1 * m[t] + c1 * grad;
      float vt = beta2 * v[t] + c2 * grad * grad;
      m[t] = mt;
      v[t] = vt;
      p[t] -= stepSize * mt / ((float) Math.sqrt(vt) * invSqrtBc2 + eps);
      g[t] = 0f;
    }
  }
}
