package org.rankcf.framework.kernels;

import java.util.Arrays;

/**
 * The loop shared by both paths' {@link KernelPath#gramAccumulate}: spans of {@link KernelPath#GRAM_SPAN}
 * rows summed in float and added into the double Gram, each span cut into blocks of
 * {@link KernelPath#GRAM_BLOCK} rows that are packed (scaled) and handed to the path's block kernel.
 */
final class GramSpans {
  /** Packs rows [first, first + count) of x, each times its scale (if any), into {@code out}. */
  interface Pack {
    void pack(float[] x, float[] rowScale, int first, int count, int dim, float[] out);
  }

  /** A {@link Pack} that first sets rowScale[r] = 1 / max(||x_r||, minNorm) for the rows it packs. */
  interface UnitPack {
    void pack(float[] x, float[] rowScale, double minNorm, int first, int count, int dim, float[] out);
  }

  /** Adds the upper triangle (at least) of the packed block's X^T X, float chains from 0, into {@code span}. */
  interface Block {
    void accumulate(float[] rows, int count, int dim, float[] span);
  }

  private GramSpans() {}

  /** 1 / max(norm, minNorm) in float from a sum of squares: the row scale of the unit-row Gram. */
  static float inverseNorm(float squares, double minNorm) {
    return (float) (1 / Math.max(Math.sqrt(squares), minNorm));
  }

  /** {@link #accumulate} with the row scales set by a {@link UnitPack} as it packs each block. */
  static void accumulateUnitRows(float[] x, float[] inverseNorms, double minNorm, int from, int to, int dim,
      double[] gram, UnitPack pack, Block block) {
    accumulate(x, inverseNorms, from, to, dim, gram,
        (rows, scales, first, count, d, out) -> pack.pack(rows, scales, minNorm, first, count, d, out), block);
  }

  static void accumulate(float[] x, float[] rowScale, int from, int to, int dim, double[] gram, Pack pack,
      Block block) {
    KernelScratch scratch = KernelScratch.get();
    float[] rows = scratch.floats(KernelPath.GRAM_BLOCK * dim);
    float[] span = scratch.tile(dim * dim);
    for (int spanStart = from; spanStart < to; spanStart += KernelPath.GRAM_SPAN) {
      Arrays.fill(span, 0, dim * dim, 0f);
      int spanEnd = Math.min(to, spanStart + KernelPath.GRAM_SPAN);
      for (int first = spanStart; first < spanEnd; first += KernelPath.GRAM_BLOCK) {
        int count = Math.min(KernelPath.GRAM_BLOCK, spanEnd - first);
        pack.pack(x, rowScale, first, count, dim, rows);
        block.accumulate(rows, count, dim, span);
      }
      for (int p = 0; p < dim; p++) {
        for (int q = p; q < dim; q++) {
          gram[p * dim + q] += span[p * dim + q];
        }
      }
    }
  }
}
