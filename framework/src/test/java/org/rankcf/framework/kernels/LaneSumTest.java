package org.rankcf.framework.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The Vector path sums a vector's lanes in one fixed tree, so its bits cannot depend on whether the JIT has
 * compiled the kernel yet (reduceLanes leaves the order open, and its interpreted and compiled forms differ).
 */
class LaneSumTest {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  /** The tree written out on an array: fold the upper half onto the lower, halving until one lane is left. */
  private static float treeSum(float[] lanes) {
    float[] x = lanes.clone();
    for (int half = x.length / 2; half >= 1; half /= 2) {
      float[] next = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        next[i] = x[i] + x[(i + half) % x.length];
      }
      x = next;
    }
    return x[0];
  }

  @Test
  void laneSumFollowsTheFixedTreeBitForBit() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 1000; trial++) {
      float[] lanes = new float[F.length()];
      for (int l = 0; l < lanes.length; l++) {
        // mixed magnitudes, so that another order would round differently
        lanes[l] = (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8)));
      }
      FloatVector v = FloatVector.fromArray(F, lanes, 0);
      assertThat(Float.floatToIntBits(VectorKernels.laneSum(v))).as("trial %d", trial)
          .isEqualTo(Float.floatToIntBits(treeSum(lanes)));
    }
  }
}
