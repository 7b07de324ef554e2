package org.rankcf.framework.kernels;

/** Plain-Java tile scorer: the reference for {@code VectorTileScorer} and the fallback. */
final class ScalarTileScorer implements TileScorer {
  static final ScalarTileScorer INSTANCE = new ScalarTileScorer();
  private static final int WIDTH = 16;

  private ScalarTileScorer() {}

  @Override
  public int panelWidth() {
    return WIDTH;
  }

  @Override
  public int maxRows() {
    return 4;
  }

  @Override
  public void scoreTile(float[] a, int aOff, int rows, int k, float[] panels, int panelOff, float[] out, int outOff,
      int ldo) {
    for (int r = 0; r < rows; r++) {
      int o = outOff + r * ldo;
      for (int j = 0; j < WIDTH; j++) {
        out[o + j] = 0f;
      }
      int row = aOff + r * k;
      for (int t = 0; t < k; t++) {
        float x = a[row + t];
        int p = panelOff + t * WIDTH;
        for (int j = 0; j < WIDTH; j++) {
          out[o + j] = Math.fma(x, panels[p + j], out[o + j]);
        }
      }
    }
  }

  @Override
  public int nextAbove(float[] scores, int from, int to, float threshold) {
    for (int i = from; i < to; i++) {
      if (!(scores[i] <= threshold)) {
        return i;
      }
    }
    return to;
  }
}
