package org.rankcf.framework.kernels;

/** Plain-Java kernels: the reference the Vector API path is tested against, and the fallback. */
public final class ScalarKernels implements KernelPath {
  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
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
  public void gemmNT(float[] a, int aOff, int m, float[] b, int bOff, int n, int k, float[] c, int cOff, int ldc) {
    for (int r = 0; r < m; r++) {
      for (int col = 0; col < n; col++) {
        c[cOff + r * ldc + col] = dot(a, aOff + r * k, b, bOff + col * k, k);
      }
    }
  }

  @Override
  public void gramAccumulate(float[] x, int from, int to, int dim, double[] gram) {
    for (int r = from; r < to; r++) {
      int base = r * dim;
      for (int p = 0; p < dim; p++) {
        double xp = x[base + p];
        int row = p * dim;
        for (int q = 0; q < dim; q++) {
          gram[row + q] += xp * x[base + q];
        }
      }
    }
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
