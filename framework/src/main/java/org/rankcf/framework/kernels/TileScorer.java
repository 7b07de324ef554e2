package org.rankcf.framework.kernels;

/**
 * The micro-kernel of the blocked dot-product loops (full ranking, gemm): scores up to {@link #maxRows()}
 * contiguous rows of A against one packed panel of B (see {@link Panels}). Every score is the fused
 * multiply-add sequence {@code acc = fma(a[t], b[t], acc)} for t = 0..k-1 from acc = 0, so all
 * implementations give bit-identical scores and rankings do not depend on the kernel path.
 */
public interface TileScorer {
  /** Rows of B per panel. */
  int panelWidth();

  /** The register block height: callers pass this many rows whenever they have them. */
  int maxRows();

  /**
   * Writes out[outOff + r * ldo + j] = score of A row r (at aOff + r * k) against panel row j, for r in
   * [0, rows) with rows in 1..maxRows() and j in [0, panelWidth()).
   */
  void scoreTile(float[] a, int aOff, int rows, int k, float[] panels, int panelOff, float[] out, int outOff, int ldo);

  /**
   * The first index i in [from, to) whose score is not {@code <=} threshold (above it or NaN; any score
   * when the threshold is NaN), or {@code to} when there is none: the scan that finds the rare top-K
   * candidates in a block of scores.
   */
  int nextAbove(float[] scores, int from, int to, float threshold);
}
