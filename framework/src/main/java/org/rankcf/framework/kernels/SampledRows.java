package org.rankcf.framework.kernels;

/**
 * The gather kernels of {@link SampledRowPass}: one row against many rows of a table picked by index (a
 * training row's sampled negatives), for the scores and for the gradient, so that each picked row is read
 * once per use and the sums stay in registers.
 */
public interface SampledRows {
  /** out[outOff + k] = &lt;x[xOff ..), table[rows[rowsOff + k] * dim ..)&gt; for k in [0, n). */
  void gatherDots(float[] x, int xOff, float[] table, int[] rows, int rowsOff, int n, int dim, float[] out,
      int outOff);

  /**
   * y[yOff + t] += scale * (sum over k in [0, n) of alphas[alphaOff + k] * table[rows[rowsOff + k] * dim + t])
   * for t in [0, dim). The sum over k is a plain product-then-add chain per column in k order, so both
   * paths give the same bits.
   */
  void gatherAxpy(float scale, float[] alphas, int alphaOff, float[] table, int[] rows, int rowsOff, int n,
      int dim, float[] y, int yOff);
}
