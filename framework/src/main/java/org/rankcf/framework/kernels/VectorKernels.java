package org.rankcf.framework.kernels;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
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
  /**
   * Shuffles that fold the upper half of the lanes onto the lower half (by FL/2, FL/4, ..., 1): added in this
   * order they sum a vector's lanes in one fixed tree. reduceLanes(ADD) leaves the order of a floating-point sum
   * unspecified, and the interpreted fallback and the compiled intrinsic do differ, so results depended on how
   * warm the JIT was (a run's bits changed with the runs before it in the same JVM).
   */
  private static final List<VectorShuffle<Float>> FOLDS = folds();
  /** Floats of packed B kept per column block: about 192 KB, well inside a 512 KB L2. */
  private static final int GEMM_BLOCK_FLOATS = 48 * 1024;
  /** Gram register tile: 6 rows x 2 vectors of columns (12 accumulators, as in the scoring kernel). */
  private static final int GRAM_TILE_ROWS = 6;
  private static final int GRAM_TILE_COLS = 2 * FL;

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public TileScorer tileScorer() {
    return VectorTileScorer.INSTANCE;
  }

  @Override
  public HouseholderRows householderRows() {
    return VectorHouseholderRows.INSTANCE;
  }

  @Override
  public SampledRows sampledRows() {
    return VectorSampledRows.INSTANCE;
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
    float sum = laneSum(s0.add(s1).add(s2.add(s3)));
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

  @Override
  public void axpby(float alpha, float[] x, int xOff, float beta, float[] y, int yOff, float[] z, int zOff, int n) {
    int t = 0;
    for (; t + FL <= n; t += FL) {
      FloatVector.fromArray(F, x, xOff + t).mul(alpha).add(FloatVector.fromArray(F, y, yOff + t).mul(beta))
          .add(FloatVector.fromArray(F, z, zOff + t))
          .intoArray(z, zOff + t);
    }
    for (; t < n; t++) {
      z[zOff + t] += alpha * x[xOff + t] + beta * y[yOff + t];
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
   * Packs each block of scaled rows, then accumulates 6 x (2 vectors) float tiles of its Gram on and above
   * the diagonal in registers (6 x 1 vector where that wastes less) and adds them into the span's float sums. Each
   * lane runs the same operations on the same rows as {@link ScalarKernels#gramEntry} and the scalar span sums, so
   * the result equals the scalar one bit for bit (lanes below the diagonal are summed too but never leave the span).
   */
  @Override
  public void gramAccumulate(float[] x, float[] rowScale, int from, int to, int dim, double[] gram) {
    GramSpans.accumulate(x, rowScale, from, to, dim, gram, VectorKernels::copyScaledRows, VectorKernels::gramBlock);
  }

  @Override
  public void unitRowGramAccumulate(float[] x, float[] inverseNorms, double minNorm, int from, int to, int dim,
      double[] gram) {
    GramSpans.accumulateUnitRows(x, inverseNorms, minNorm, from, to, dim, gram, VectorKernels::packUnitRows,
        VectorKernels::gramBlock);
  }

  /** {@link #copyScaledRows} with each row's scale computed from the row's vectors while they are loaded. */
  private static void packUnitRows(float[] x, float[] inverseNorms, double minNorm, int first, int count, int dim,
      float[] out) {
    if (dim % FL != 0) {
      ScalarKernels.packUnitRows(x, inverseNorms, minNorm, first, count, dim, out);
      return;
    }
    for (int r = 0; r < count; r++) {
      int src = (first + r) * dim;
      FloatVector squares = FloatVector.zero(F);
      for (int c = 0; c < dim; c += FL) {
        FloatVector v = FloatVector.fromArray(F, x, src + c);
        squares = v.fma(v, squares);
      }
      float scale = GramSpans.inverseNorm(laneSum(squares), minNorm);
      inverseNorms[first + r] = scale;
      // the row is in L1 now: the second read is cheap, the memory read was the first
      for (int c = 0; c < dim; c += FL) {
        FloatVector.fromArray(F, x, src + c).mul(scale).intoArray(out, r * dim + c);
      }
    }
  }

  /**
   * Covers the upper triangle of the block's X^T X with strips of six rows. Strip p..p+5 needs the columns from p
   * on, which its tiles cover from the vector-aligned column at or below p: two vectors at a time in
   * {@link #gramTile}, but first one vector alone when their number is odd, rather than reach a whole vector further
   * below the diagonal. The fewer than six rows below the last strip take one narrow pass over the last six rows that
   * adds only their own sums; the columns after the last whole vector (and every column if dim < 6) go entry by
   * entry.
   */
  private static void gramBlock(float[] rows, int count, int dim, float[] span) {
    int vectorCols = dim < GRAM_TILE_ROWS ? 0 : dim - dim % FL;
    int stripRows = dim - dim % GRAM_TILE_ROWS;
    for (int p = 0; p < stripRows; p += GRAM_TILE_ROWS) {
      int q = p - p % FL;
      if ((vectorCols - q) / FL % 2 != 0) {
        gramNarrowTiles(rows, count, dim, p, 0, q, q + FL, span);
        q += FL;
      }
      for (; q < vectorCols; q += GRAM_TILE_COLS) {
        gramTile(rows, count, dim, p, q, span);
      }
    }
    if (stripRows < dim) { // (no vectors, so no work, when dim < 6)
      int p = dim - GRAM_TILE_ROWS;
      gramNarrowTiles(rows, count, dim, p, stripRows - p, stripRows - stripRows % FL, vectorCols, span);
    }
    for (int p = 0; p < dim; p++) {
      for (int q = Math.max(p, vectorCols); q < dim; q++) {
        span[p * dim + q] += ScalarKernels.gramEntry(rows, count, dim, p, q);
      }
    }
  }

  /**
   * Adds rows p..p+5 x columns q..q+2FL-1 of the packed block's X^T X into the span sums. Its loop has a method to
   * itself: put in one method with the narrow tile's loop, C2 spilled accumulators and the block ran 2.3x slower.
   */
  private static void gramTile(float[] rows, int count, int dim, int p, int q, float[] span) {
    FloatVector c00 = FloatVector.zero(F);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    FloatVector c40 = c00;
    FloatVector c41 = c00;
    FloatVector c50 = c00;
    FloatVector c51 = c00;
    for (int r = 0, base = 0; r < count; r++, base += dim) {
      FloatVector x0 = FloatVector.fromArray(F, rows, base + q);
      FloatVector x1 = FloatVector.fromArray(F, rows, base + q + FL);
      FloatVector y = FloatVector.broadcast(F, rows[base + p]);
      c00 = y.fma(x0, c00);
      c01 = y.fma(x1, c01);
      y = FloatVector.broadcast(F, rows[base + p + 1]);
      c10 = y.fma(x0, c10);
      c11 = y.fma(x1, c11);
      y = FloatVector.broadcast(F, rows[base + p + 2]);
      c20 = y.fma(x0, c20);
      c21 = y.fma(x1, c21);
      y = FloatVector.broadcast(F, rows[base + p + 3]);
      c30 = y.fma(x0, c30);
      c31 = y.fma(x1, c31);
      y = FloatVector.broadcast(F, rows[base + p + 4]);
      c40 = y.fma(x0, c40);
      c41 = y.fma(x1, c41);
      y = FloatVector.broadcast(F, rows[base + p + 5]);
      c50 = y.fma(x0, c50);
      c51 = y.fma(x1, c51);
    }
    int g = p * dim + q;
    addInto(c00, span, g);
    addInto(c01, span, g + FL);
    addInto(c10, span, g + dim);
    addInto(c11, span, g + dim + FL);
    addInto(c20, span, g + 2 * dim);
    addInto(c21, span, g + 2 * dim + FL);
    addInto(c30, span, g + 3 * dim);
    addInto(c31, span, g + 3 * dim + FL);
    addInto(c40, span, g + 4 * dim);
    addInto(c41, span, g + 4 * dim + FL);
    addInto(c50, span, g + 5 * dim);
    addInto(c51, span, g + 5 * dim + FL);
  }

  /**
   * Adds rows p + skip..p+5 x columns from..to-1 (whole vectors) of the packed block's X^T X into the span sums, one
   * vector of columns at a time; rows p..p+skip-1 are summed but dropped (a strip above has added them). With six
   * accumulators a pass waits on the FMA latency and takes about three quarters of a {@link #gramTile} pass for half
   * its work, so it pays only where a wide tile would waste a vector below the diagonal, and for the last rows, where
   * it replaces a latency-bound pass per row (narrow tiles everywhere measured about 1.3x slower than before). The
   * loop over vectors keeps this method over C2's size limit for inlining hot calls (325 bytecodes): inlined into
   * gramBlock, its loop lost registers to gramBlock's variables and the whole block ran about 10% slower.
   */
  private static void gramNarrowTiles(float[] rows, int count, int dim, int p, int skip, int from, int to,
      float[] span) {
    for (int q = from; q < to; q += FL) {
      FloatVector c0 = FloatVector.zero(F);
      FloatVector c1 = c0;
      FloatVector c2 = c0;
      FloatVector c3 = c0;
      FloatVector c4 = c0;
      FloatVector c5 = c0;
      for (int r = 0, base = 0; r < count; r++, base += dim) {
        FloatVector x = FloatVector.fromArray(F, rows, base + q);
        c0 = FloatVector.broadcast(F, rows[base + p]).fma(x, c0);
        c1 = FloatVector.broadcast(F, rows[base + p + 1]).fma(x, c1);
        c2 = FloatVector.broadcast(F, rows[base + p + 2]).fma(x, c2);
        c3 = FloatVector.broadcast(F, rows[base + p + 3]).fma(x, c3);
        c4 = FloatVector.broadcast(F, rows[base + p + 4]).fma(x, c4);
        c5 = FloatVector.broadcast(F, rows[base + p + 5]).fma(x, c5);
      }
      int g = p * dim + q;
      if (skip < 1) {
        addInto(c0, span, g);
      }
      if (skip < 2) {
        addInto(c1, span, g + dim);
      }
      if (skip < 3) {
        addInto(c2, span, g + 2 * dim);
      }
      if (skip < 4) {
        addInto(c3, span, g + 3 * dim);
      }
      if (skip < 5) {
        addInto(c4, span, g + 4 * dim);
      }
      addInto(c5, span, g + 5 * dim);
    }
  }

  /** {@link ScalarKernels#copyScaledRows} with vector multiplies (the same products). */
  private static void copyScaledRows(float[] x, float[] rowScale, int first, int count, int dim, float[] out) {
    for (int r = 0; r < count; r++) {
      float scale = rowScale == null ? 1f : rowScale[first + r];
      int src = (first + r) * dim;
      int dst = r * dim;
      int c = 0;
      for (; c + FL <= dim; c += FL) {
        FloatVector.fromArray(F, x, src + c).mul(scale).intoArray(out, dst + c);
      }
      for (; c < dim; c++) {
        out[dst + c] = x[src + c] * scale;
      }
    }
  }

  private static void addInto(FloatVector sum, float[] span, int offset) {
    FloatVector.fromArray(F, span, offset).add(sum).intoArray(span, offset);
  }

  @Override
  public double expShiftedSum(float[] x, int n, float scale) {
    double sum = 0;
    FloatVector zero = FloatVector.zero(F);
    int t = 0;
    while (t + FL <= n) {
      // float lane sums over at most 64 vectors at a time, then into double
      FloatVector partial = zero;
      int end = Math.min(n - FL, t + 63 * FL);
      for (; t <= end; t += FL) {
        FloatVector y = FloatVector.fromArray(F, x, t).sub(1f).mul(scale);
        FloatVector e = exp(y);
        e.intoArray(x, t);
        partial = partial.add(e);
      }
      sum += laneSum(partial);
    }
    for (; t < n; t++) {
      float e = FloatExp.exp(scale * (x[t] - 1f));
      x[t] = e;
      sum += e;
    }
    return sum;
  }

  /** {@link FloatExp#exp} lane by lane, with the same operations. */
  private static List<VectorShuffle<Float>> folds() {
    List<VectorShuffle<Float>> folds = new ArrayList<>();
    for (int half = FL / 2; half >= 1; half /= 2) {
      folds.add(VectorShuffle.iota(F, half, 1, true));
    }
    return folds;
  }

  /** The sum of v's lanes in the fixed tree of {@link #FOLDS}, the same bits in every JIT tier. */
  static float laneSum(FloatVector v) {
    FloatVector folded = v;
    for (VectorShuffle<Float> fold : FOLDS) {
      folded = folded.add(folded.rearrange(fold));
    }
    return folded.lane(0);
  }

  private static FloatVector exp(FloatVector y) {
    FloatVector clamped = y.max(FloatExp.MIN_ARGUMENT);
    FloatVector shifted = clamped.fma(FloatExp.LOG2_E, FloatExp.ROUNDER);
    FloatVector k = shifted.sub(FloatExp.ROUNDER);
    FloatVector r = k.fma(FloatVector.broadcast(F, -FloatExp.LN2_HIGH), clamped);
    r = k.fma(FloatVector.broadcast(F, -FloatExp.LN2_LOW), r);
    FloatVector p = FloatVector.broadcast(F, FloatExp.C6);
    p = p.fma(r, FloatVector.broadcast(F, FloatExp.C5));
    p = p.fma(r, FloatVector.broadcast(F, FloatExp.C4));
    p = p.fma(r, FloatVector.broadcast(F, FloatExp.C3));
    p = p.fma(r, FloatVector.broadcast(F, FloatExp.C2));
    FloatVector one = FloatVector.broadcast(F, 1f);
    p = p.fma(r, one);
    p = p.fma(r, one);
    FloatVector power = shifted.reinterpretAsInts()
        .sub(FloatExp.ROUNDER_BITS - 127)
        .lanewise(VectorOperators.LSHL, 23)
        .reinterpretAsFloats();
    return p.mul(power).blend(0f, y.compare(VectorOperators.LT, FloatExp.MIN_ARGUMENT));
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
