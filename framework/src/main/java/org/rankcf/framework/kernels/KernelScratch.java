package org.rankcf.framework.kernels;

/**
 * Per-thread grow-only work buffers, so kernels called once per mini-batch allocate nothing in steady
 * state.
 */
final class KernelScratch {
  private static final ThreadLocal<KernelScratch> LOCAL = ThreadLocal.withInitial(KernelScratch::new);

  private float[] floats = new float[0];
  private float[] tile = new float[0];
  private double[] doubles = new double[0];

  static KernelScratch get() {
    return LOCAL.get();
  }

  float[] floats(int size) {
    if (floats.length < size) {
      floats = new float[size];
    }
    return floats;
  }

  float[] tile(int size) {
    if (tile.length < size) {
      tile = new float[size];
    }
    return tile;
  }

  double[] doubles(int size) {
    if (doubles.length < size) {
      doubles = new double[size];
    }
    return doubles;
  }
}
