package org.rankcf.framework.kernels;

/**
 * The micro-kernel of the blocked dot-product loops (full ranking, gemm): scores up to four contiguous rows
 * of A against one packed panel of B (see {@link Panels}). Every score is the fused multiply-add sequence
 * {@code acc = fma(a[t], b[t], acc)} for t = 0..k-1 from acc = 0, so all implementations give bit-identical
 * scores and rankings do not depend on the kernel path.
 */
public interface TileScorer {
  /** Rows of B per panel. */
  int panelWidth();

  /**
   * Writes out[outOff + r * ldo + j] = score of A row r (at aOff + r * k) against panel row j, for r in
   * [0, rows) with rows in 1..4 and j in [0, panelWidth()).
   */
  void scoreTile(float[] a, int aOff, int rows, int k, float[] panels, int panelOff, float[] out, int outOff, int ldo);

  /** Whether any of the panelWidth() scores at out[off..] is strictly above threshold (NaN never is). */
  boolean anyAbove(float[] out, int off, float threshold);
}
