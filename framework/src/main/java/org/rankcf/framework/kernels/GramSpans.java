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

  /** Adds the upper triangle (at least) of the packed block's X^T X, float chains from 0, into {@code span}. */
  interface Block {
    void accumulate(float[] rows, int count, int dim, float[] span);
  }

  private GramSpans() {}

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
