package org.rankcf.framework.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels ({@code jdk.incubator.vector}, preferred species: 8 floats on AVX2). Loaded by
 * reflection from {@link Kernels} so the plain-Java path works without the module. axpy, adam and
 * gramAccumulate perform the same IEEE operations per element as {@link ScalarKernels} and agree with it
 * bit for bit; dot and gemmNT sum in another order and agree to float rounding.
 */
public final class VectorKernels implements KernelPath {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int FL = F.length();
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final int DL = D.length();
  /** Floats of packed B kept per column block: about 192 KB, well inside a 512 KB L2. */
  private static final int GEMM_BLOCK_FLOATS = 48 * 1024;
  /** Rows of X widened to double per gram block (with the 32 KB gram of d = 64, both stay in L1/L2). */
  private static final int GRAM_ROWS = 32;

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public TileScorer tileScorer() {
    return VectorTileScorer.INSTANCE;
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    FloatVector s0 = FloatVector.zero(F);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int t = 0;
    for (; t + 4 * FL <= n; t += 4 * FL) {
      s0 = FloatVector.fromArray(F, a, aOff + t).fma(FloatVector.fromArray(F, b, bOff + t), s0);
      s1 = FloatVector.fromArray(F, a, aOff + t + FL).fma(FloatVector.fromArray(F, b, bOff + t + FL), s1);
      s2 = FloatVector.fromArray(F, a, aOff + t + 2 * FL).fma(FloatVector.fromArray(F, b, bOff + t + 2 * FL), s2);
      s3 = FloatVector.fromArray(F, a, aOff + t + 3 * FL).fma(FloatVector.fromArray(F, b, bOff + t + 3 * FL), s3);
    }
    for (; t + FL <= n; t += FL) {
      s0 = FloatVector.fromArray(F, a, aOff + t).fma(FloatVector.fromArray(F, b, bOff + t), s0);
    }
    float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; t < n; t++) {
      sum += a[aOff + t] * b[bOff + t];
    }
    return sum;
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int t = 0;
    for (; t + FL <= n; t += FL) {
      FloatVector.fromArray(F, x, xOff + t).mul(alpha).add(FloatVector.fromArray(F, y, yOff + t))
          .intoArray(y, yOff + t);
    }
    for (; t < n; t++) {
      y[yOff + t] += alpha * x[xOff + t];
    }
  }

  /**
   * Packs B into panels once, then for each L2-sized block of panels sweeps A a register block of rows at
   * a time through the {@link VectorTileScorer}. Full tiles are written straight into C; the ragged last
   * panel goes through a small buffer.
   */
  @Override
  public void gemmNT(float[] a, int aOff, int m, float[] b, int bOff, int n, int k, float[] c, int cOff, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    TileScorer tiles = VectorTileScorer.INSTANCE;
    int width = tiles.panelWidth();
    KernelScratch scratch = KernelScratch.get();
    float[] packed = scratch.floats(Panels.size(n, k, width));
    float[] edge = scratch.tile(tiles.maxRows() * width);
    Panels.pack(b, bOff, n, k, width, packed);
    int panels = Panels.count(n, width);
    int block = Math.max(1, GEMM_BLOCK_FLOATS / (width * Math.max(1, k)));
    for (int p0 = 0; p0 < panels; p0 += block) {
      int p1 = Math.min(panels, p0 + block);
      for (int r = 0; r < m; r += tiles.maxRows()) {
        int rows = Math.min(tiles.maxRows(), m - r);
        int aRow = aOff + r * k;
        int cRow = cOff + r * ldc;
        for (int p = p0; p < p1; p++) {
          int col = p * width;
          int cols = Math.min(width, n - col);
          if (cols == width) {
            tiles.scoreTile(a, aRow, rows, k, packed, p * width * k, c, cRow + col, ldc);
          } else {
            tiles.scoreTile(a, aRow, rows, k, packed, p * width * k, edge, 0, width);
            for (int i = 0; i < rows; i++) {
              System.arraycopy(edge, i * width, c, cRow + i * ldc + col, cols);
            }
          }
        }
      }
    }
  }

  /**
   * Widens blocks of rows to double, then accumulates 2 x (4 vectors) tiles of the Gram over each block.
   * Products of floats are exact in double, so each fused multiply-add rounds exactly like the scalar
   * {@code gram += xp * xq}, and the rows are added in the same order: the result equals the scalar one.
   */
  @Override
  public void gramAccumulate(float[] x, int from, int to, int dim, double[] gram) {
    double[] rows = KernelScratch.get().doubles(GRAM_ROWS * dim);
    for (int r0 = from; r0 < to; r0 += GRAM_ROWS) {
      int count = Math.min(GRAM_ROWS, to - r0);
      int src = r0 * dim;
      for (int i = 0; i < count * dim; i++) {
        rows[i] = x[src + i];
      }
      gramBlock(rows, count, dim, gram);
    }
  }

  private static void gramBlock(double[] rows, int count, int dim, double[] gram) {
    int p = 0;
    for (; p + 2 <= dim; p += 2) {
      int q = 0;
      for (; q + 4 * DL <= dim; q += 4 * DL) {
        gramTile2x4(rows, count, dim, gram, p, q);
      }
      gramRowTail(rows, count, dim, gram, p, q);
      gramRowTail(rows, count, dim, gram, p + 1, q);
    }
    if (p < dim) {
      gramRowTail(rows, count, dim, gram, p, 0);
    }
  }

  private static void gramTile2x4(double[] rows, int count, int dim, double[] gram, int p, int q) {
    int g0 = p * dim + q;
    int g1 = g0 + dim;
    DoubleVector c00 = DoubleVector.fromArray(D, gram, g0);
    DoubleVector c01 = DoubleVector.fromArray(D, gram, g0 + DL);
    DoubleVector c02 = DoubleVector.fromArray(D, gram, g0 + 2 * DL);
    DoubleVector c03 = DoubleVector.fromArray(D, gram, g0 + 3 * DL);
    DoubleVector c10 = DoubleVector.fromArray(D, gram, g1);
    DoubleVector c11 = DoubleVector.fromArray(D, gram, g1 + DL);
    DoubleVector c12 = DoubleVector.fromArray(D, gram, g1 + 2 * DL);
    DoubleVector c13 = DoubleVector.fromArray(D, gram, g1 + 3 * DL);
    for (int r = 0, base = 0; r < count; r++, base += dim) {
      DoubleVector x0 = DoubleVector.fromArray(D, rows, base + q);
      DoubleVector x1 = DoubleVector.fromArray(D, rows, base + q + DL);
      DoubleVector x2 = DoubleVector.fromArray(D, rows, base + q + 2 * DL);
      DoubleVector x3 = DoubleVector.fromArray(D, rows, base + q + 3 * DL);
      DoubleVector y = DoubleVector.broadcast(D, rows[base + p]);
      c00 = y.fma(x0, c00);
      c01 = y.fma(x1, c01);
      c02 = y.fma(x2, c02);
      c03 = y.fma(x3, c03);
      y = DoubleVector.broadcast(D, rows[base + p + 1]);
      c10 = y.fma(x0, c10);
      c11 = y.fma(x1, c11);
      c12 = y.fma(x2, c12);
      c13 = y.fma(x3, c13);
    }
    c00.intoArray(gram, g0);
    c01.intoArray(gram, g0 + DL);
    c02.intoArray(gram, g0 + 2 * DL);
    c03.intoArray(gram, g0 + 3 * DL);
    c10.intoArray(gram, g1);
    c11.intoArray(gram, g1 + DL);
    c12.intoArray(gram, g1 + 2 * DL);
    c13.intoArray(gram, g1 + 3 * DL);
  }

  /** Gram row p from column q on: single vectors, then scalar fused multiply-adds. */
  private static void gramRowTail(double[] rows, int count, int dim, double[] gram, int p, int q) {
    int g = p * dim;
    for (; q + DL <= dim; q += DL) {
      DoubleVector acc = DoubleVector.fromArray(D, gram, g + q);
      for (int r = 0, base = 0; r < count; r++, base += dim) {
        acc = DoubleVector.broadcast(D, rows[base + p]).fma(DoubleVector.fromArray(D, rows, base + q), acc);
      }
      acc.intoArray(gram, g + q);
    }
    for (; q < dim; q++) {
      double acc = gram[g + q];
      for (int r = 0, base = 0; r < count; r++, base += dim) {
        acc = Math.fma(rows[base + p], rows[base + q], acc);
      }
      gram[g + q] = acc;
    }
  }

  @Override
  public void adam(float[] p, float[] g, float[] m, float[] v, int from, int to,
      float weightDecay, float beta1, float beta2, float stepSize, float invSqrtBc2, float eps) {
    float c1 = 1 - beta1;
    float c2 = 1 - beta2;
    FloatVector zero = FloatVector.zero(F);
    int t = from;
    for (; t + FL <= to; t += FL) {
      FloatVector pt = FloatVector.fromArray(F, p, t);
      FloatVector grad = FloatVector.fromArray(F, g, t).add(pt.mul(weightDecay));
      FloatVector mt = FloatVector.fromArray(F, m, t).mul(beta1).add(grad.mul(c1));
      FloatVector vt = FloatVector.fromArray(F, v, t).mul(beta2).add(grad.mul(c2).mul(grad));
      mt.intoArray(m, t);
      vt.intoArray(v, t);
      FloatVector denominator = vt.lanewise(VectorOperators.SQRT).mul(invSqrtBc2).add(eps);
      pt.sub(mt.mul(stepSize).div(denominator)).intoArray(p, t);
      zero.intoArray(g, t);
    }
    if (t < to) {
      ScalarKernels.adamRange(p, g, m, v, t, to, weightDecay, beta1, beta2, stepSize, invSqrtBc2, eps);
    }
  }
}
