package org.rankcf.benchmarks;

import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;

/** Seeded random inputs shaped like the real workloads, and the kernel path chosen by a JMH parameter. */
final class BenchData {
  /** gowalla, LightGCN split: users, items, train and test pairs. */
  static final int GOWALLA_USERS = 29_858;
  static final int GOWALLA_ITEMS = 40_981;
  static final int GOWALLA_TRAIN = 810_128;
  static final int GOWALLA_TEST = 217_242;
  static final int DIM = 64;

  private BenchData() {}

  /** "vector" or "scalar". */
  static KernelPath path(String name) {
    KernelPath path = name.equals("scalar") ? Kernels.scalar() : Kernels.vector();
    if (path == null) {
      throw new IllegalStateException("the vector path needs --add-modules jdk.incubator.vector");
    }
    return path;
  }

  /** A rows x dim table with entries N(0, 0.1^2), the scale of trained embeddings. */
  static EmbeddingTable table(int rows, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = floats(rows * dim, random);
    for (int t = 0; t < data.length; t++) {
      data[t] *= 0.1f;
    }
    return new EmbeddingTable(rows, dim, data);
  }

  /** Uniform floats in [-1, 1). */
  static float[] floats(int n, SplittableRandom random) {
    float[] x = new float[n];
    for (int t = 0; t < n; t++) {
      x[t] = (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }

  /** About {@code count} uniformly random distinct pairs. */
  static Interactions pairs(int numUsers, int numItems, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] users = new int[count];
    int[] items = new int[count];
    for (int p = 0; p < count; p++) {
      users[p] = random.nextInt(numUsers);
      items[p] = random.nextInt(numItems);
    }
    return Interactions.fromPairs(numUsers, numItems, users, items);
  }
}
