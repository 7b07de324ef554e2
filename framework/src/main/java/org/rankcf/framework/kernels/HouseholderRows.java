package org.rankcf.framework.kernels;

/**
 * The inner kernel of the Householder tridiagonalisation behind {@code Spectra.topEigenpair}: one pass over
 * {@link #ROWS} consecutive rows of a symmetric block B applies the previous reflection's rank-two update
 * B - v w^T - w v^T and, while the rows are in registers, adds their share of the next reflection's product
 * p = tau B u, so B is read from memory once per reflection instead of twice.
 *
 * <p>B is kept as its lower triangle (row-major, row stride {@code dim}) plus the upper half of each
 * ROWS x ROWS diagonal block, so a block's rows are whole vectors over columns [0, i0 + ROWS): an entry left
 * of the diagonal block stands for itself and its mirror image, an entry inside it for itself only.
 */
public interface HouseholderRows {
  /** Rows per block; blocks start at multiples of it. */
  int ROWS = 4;
  /** The least length of the {@code scratch} array callers pass. */
  int SCRATCH_LENGTH = 8 * ROWS;

  /**
   * For the rows i in [i0, i0 + ROWS) and columns j in [0, i0 + ROWS) of {@code m} (i0 a multiple of
   * ROWS): m[i][j] -= v[i] w[j] + w[i] v[j]; then, with b the updated entries, adds tau u[i] b[i][j] into
   * p[j] for j &lt; i0 (the mirror images) and tau times the sum of b[i][j] u[j] over all j into p[i].
   * {@code scratch} is overwritten. The sums are taken in a fixed order, so results repeat bit for bit.
   */
  void updateAndMultiply(double[] m, int dim, int i0, double[] v, double[] w, double[] u, double tau,
      double[] p, double[] scratch);
}
