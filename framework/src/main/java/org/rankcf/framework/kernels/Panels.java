package org.rankcf.framework.kernels;

/**
 * Packs the rows of a row-major n x k matrix into panels of {@code width} rows stored transposed, so a
 * micro-kernel reads one k-step of a whole panel as contiguous vectors: element t of row j of panel p sits
 * at {@code p * width * k + t * width + j}. The last panel is padded with zero rows; callers never report
 * padded lanes.
 */
final class Panels {
  private Panels() {}

  static int count(int rows, int width) {
    return (rows + width - 1) / width;
  }

  static int size(int rows, int k, int width) {
    return Math.multiplyExact(count(rows, width) * width, k);
  }

  /** Packs rows [0, rows) of {@code src} (row r at srcOff + r * k) into {@code dst}. */
  static void pack(float[] src, int srcOff, int rows, int k, int width, float[] dst) {
    int panels = count(rows, width);
    for (int p = 0; p < panels; p++) {
      int base = p * width * k;
      for (int j = 0; j < width; j++) {
        int row = p * width + j;
        if (row < rows) {
          int s = srcOff + row * k;
          for (int t = 0; t < k; t++) {
            dst[base + t * width + j] = src[s + t];
          }
        } else {
          for (int t = 0; t < k; t++) {
            dst[base + t * width + j] = 0f;
          }
        }
      }
    }
  }
}
