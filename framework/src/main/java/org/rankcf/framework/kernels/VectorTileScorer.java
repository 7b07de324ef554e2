package org.rankcf.framework.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API tile scorer: a 6 x (2 vectors) register block, which keeps both FMA pipes busy on AVX2 with
 * 12 accumulators, 2 panel loads and 6 broadcasts per k-step (15 of the 16 registers). Ragged row counts
 * fall back to single rows.
 */
final class VectorTileScorer implements TileScorer {
  static final VectorTileScorer INSTANCE = new VectorTileScorer();
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int ROWS = 6;
  static final int WIDTH = 2 * L;

  private VectorTileScorer() {}

  @Override
  public int panelWidth() {
    return WIDTH;
  }

  @Override
  public int maxRows() {
    return ROWS;
  }

  @Override
  public void scoreTile(float[] a, int aOff, int rows, int k, float[] panels, int panelOff, float[] out, int outOff,
      int ldo) {
    if (rows == ROWS) {
      tile6(a, aOff, k, panels, panelOff, out, outOff, ldo);
    } else {
      for (int r = 0; r < rows; r++) {
        tile1(a, aOff + r * k, k, panels, panelOff, out, outOff + r * ldo);
      }
    }
  }

  private static void tile6(float[] a, int aOff, int k, float[] panels, int panelOff, float[] out, int outOff,
      int ldo) {
    FloatVector c00 = FloatVector.zero(S);
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
    int a1 = aOff + k;
    int a2 = a1 + k;
    int a3 = a2 + k;
    int a4 = a3 + k;
    int a5 = a4 + k;
    int p = panelOff;
    for (int t = 0; t < k; t++, p += WIDTH) {
      FloatVector b0 = FloatVector.fromArray(S, panels, p);
      FloatVector b1 = FloatVector.fromArray(S, panels, p + L);
      FloatVector x = FloatVector.broadcast(S, a[aOff + t]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + t]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + t]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + t]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(S, a[a4 + t]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(S, a[a5 + t]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
    }
    c00.intoArray(out, outOff);
    c01.intoArray(out, outOff + L);
    c10.intoArray(out, outOff + ldo);
    c11.intoArray(out, outOff + ldo + L);
    c20.intoArray(out, outOff + 2 * ldo);
    c21.intoArray(out, outOff + 2 * ldo + L);
    c30.intoArray(out, outOff + 3 * ldo);
    c31.intoArray(out, outOff + 3 * ldo + L);
    c40.intoArray(out, outOff + 4 * ldo);
    c41.intoArray(out, outOff + 4 * ldo + L);
    c50.intoArray(out, outOff + 5 * ldo);
    c51.intoArray(out, outOff + 5 * ldo + L);
  }

  private static void tile1(float[] a, int aOff, int k, float[] panels, int panelOff, float[] out, int outOff) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = c0;
    int p = panelOff;
    for (int t = 0; t < k; t++, p += WIDTH) {
      FloatVector x = FloatVector.broadcast(S, a[aOff + t]);
      c0 = x.fma(FloatVector.fromArray(S, panels, p), c0);
      c1 = x.fma(FloatVector.fromArray(S, panels, p + L), c1);
    }
    c0.intoArray(out, outOff);
    c1.intoArray(out, outOff + L);
  }

  @Override
  public int nextAbove(float[] scores, int from, int to, float threshold) {
    FloatVector t = FloatVector.broadcast(S, threshold);
    int i = from;
    while (i + L <= to && FloatVector.fromArray(S, scores, i).compare(VectorOperators.LE, t).allTrue()) {
      i += L;
    }
    for (; i < to; i++) {
      if (!(scores[i] <= threshold)) {
        return i;
      }
    }
    return to;
  }
}
