package org.rankcf.framework.kernels;

/** Plain-Java {@link SampledRows}: the dot products as {@link ScalarKernels#dot}, the sums column by column. */
final class ScalarSampledRows implements SampledRows {
  static final ScalarSampledRows INSTANCE = new ScalarSampledRows();
  private static final ScalarKernels DOT = new ScalarKernels();

  private ScalarSampledRows() {}

  @Override
  public void gatherDots(float[] x, int xOff, float[] table, int[] rows, int rowsOff, int n, int dim, float[] out,
      int outOff) {
    for (int k = 0; k < n; k++) {
      out[outOff + k] = DOT.dot(x, xOff, table, rows[rowsOff + k] * dim, dim);
    }
  }

  @Override
  public void gatherAxpy(float scale, float[] alphas, int alphaOff, float[] table, int[] rows, int rowsOff, int n,
      int dim, float[] y, int yOff) {
    float[] sums = KernelScratch.get().floats(dim);
    java.util.Arrays.fill(sums, 0, dim, 0f);
    for (int k = 0; k < n; k++) {
      float alpha = alphas[alphaOff + k];
      int row = rows[rowsOff + k] * dim;
      for (int t = 0; t < dim; t++) {
        sums[t] += alpha * table[row + t];
      }
    }
    for (int t = 0; t < dim; t++) {
      y[yOff + t] += scale * sums[t];
    }
  }
}
