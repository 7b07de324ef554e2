package org.rankcf.framework.kernels;

/**
 * A sparse float matrix in compressed sparse row form: the nonzeros of row r are
 * {@code values[ptr[r] .. ptr[r+1])} at columns {@code cols[ptr[r] .. ptr[r+1])}. The arrays are shared,
 * not copied: callers must not modify them afterwards.
 */
public final class CsrMatrix {
  private final int rows;
  private final int columns;
  private final int[] ptr;
  private final int[] cols;
  private final float[] values;

  public CsrMatrix(int rows, int columns, int[] ptr, int[] cols, float[] values) {
    if (rows < 0 || columns < 0 || ptr.length != rows + 1 || ptr[0] != 0) {
      throw new IllegalArgumentException("row pointers do not describe " + rows + " rows");
    }
    int nnz = ptr[rows];
    if (cols.length < nnz || values.length < nnz) {
      throw new IllegalArgumentException("fewer than " + nnz + " column ids or values");
    }
    for (int r = 0; r < rows; r++) {
      if (ptr[r + 1] < ptr[r]) {
        throw new IllegalArgumentException("row pointers decrease at row " + r);
      }
    }
    for (int p = 0; p < nnz; p++) {
      if (cols[p] < 0 || cols[p] >= columns) {
        throw new IllegalArgumentException("column " + cols[p] + " outside [0, " + columns + ")");
      }
    }
    this.rows = rows;
    this.columns = columns;
    this.ptr = ptr;
    this.cols = cols;
    this.values = values;
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  public int nonZeros() {
    return ptr[rows];
  }

  /** Row pointers (length rows + 1). Shared, do not modify. */
  public int[] ptr() {
    return ptr;
  }

  /** Column ids of the nonzeros, row by row. Shared, do not modify. */
  public int[] cols() {
    return cols;
  }

  /** Values of the nonzeros, parallel to {@link #cols()}. Shared, do not modify. */
  public float[] values() {
    return values;
  }

  /**
   * Cuts the rows into {@code chunks} contiguous ranges of about equal work, counting a row as its
   * nonzeros plus one (writing the output row costs about as much as one nonzero): chunk c is
   * {@code [bounds[c], bounds[c+1])}. A deterministic function of the matrix and the chunk count, so that
   * a product split this way is reproducible; degree-skewed graphs need it, equal row counts would not be
   * balanced.
   */
  public int[] balancedRowBounds(int chunks) {
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1");
    }
    long total = (long) nonZeros() + rows;
    int[] bounds = new int[chunks + 1];
    for (int c = 1; c < chunks; c++) {
      bounds[c] = firstRowWithWorkAtLeast(total * c / chunks);
    }
    bounds[chunks] = rows;
    return bounds;
  }

  /** The smallest row r with ptr[r] + r >= work (work before row r is strictly increasing in r). */
  private int firstRowWithWorkAtLeast(long work) {
    int lo = 0;
    int hi = rows;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if ((long) ptr[mid] + mid < work) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return "CsrMatrix[" + rows + " x " + columns + ", " + nonZeros() + " nonzeros]";
  }
}
