package org.rankcf.framework.objective;

/** Layout helpers for row-major float matrices, feeding {@code gemmNT} the operand shapes it takes. */
public final class RowMajor {
  private RowMajor() {}

  /**
   * Writes the transpose of the rows x cols matrix {@code x} (from {@code offset}) into {@code out} as a
   * cols x rows matrix (from {@code outOffset}).
   */
  public static void transpose(float[] x, int offset, int rows, int cols, float[] out, int outOffset) {
    for (int r = 0; r < rows; r++) {
      int base = offset + r * cols;
      for (int c = 0; c < cols; c++) {
        out[outOffset + c * rows + r] = x[base + c];
      }
    }
  }
}
