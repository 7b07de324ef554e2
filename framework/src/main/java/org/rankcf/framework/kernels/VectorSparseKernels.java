package org.rankcf.framework.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API sparse path. An output row is built in registers: a block of four vectors of columns
 * accumulates every nonzero of the row with fused multiply-adds before it is stored once, so the output
 * row is not re-read and re-written per nonzero as in the plain-Java path. Loaded by name from
 * {@link SparseKernels} only when {@code jdk.incubator.vector} is present.
 */
final class VectorSparseKernels implements SparseKernels.Path {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final int BLOCK = 4 * LANES;

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public void multiplyRow(int[] cols, float[] values, int start, int end, float[] x, int dim, float alpha,
      float[] b, float beta, float[] y, int out) {
    int col = 0;
    for (; col + BLOCK <= dim; col += BLOCK) {
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      for (int p = start; p < end; p++) {
        FloatVector v = FloatVector.broadcast(SPECIES, values[p]);
        int in = cols[p] * dim + col;
        s0 = FloatVector.fromArray(SPECIES, x, in).fma(v, s0);
        s1 = FloatVector.fromArray(SPECIES, x, in + LANES).fma(v, s1);
        s2 = FloatVector.fromArray(SPECIES, x, in + 2 * LANES).fma(v, s2);
        s3 = FloatVector.fromArray(SPECIES, x, in + 3 * LANES).fma(v, s3);
      }
      store(s0, alpha, b, beta, y, out + col);
      store(s1, alpha, b, beta, y, out + col + LANES);
      store(s2, alpha, b, beta, y, out + col + 2 * LANES);
      store(s3, alpha, b, beta, y, out + col + 3 * LANES);
    }
    for (; col + LANES <= dim; col += LANES) {
      FloatVector s = FloatVector.zero(SPECIES);
      for (int p = start; p < end; p++) {
        s = FloatVector.fromArray(SPECIES, x, cols[p] * dim + col).fma(FloatVector.broadcast(SPECIES, values[p]), s);
      }
      store(s, alpha, b, beta, y, out + col);
    }
    for (; col < dim; col++) {
      float s = 0f;
      for (int p = start; p < end; p++) {
        s += values[p] * x[cols[p] * dim + col];
      }
      y[out + col] = b == null ? alpha * s : alpha * s + beta * b[out + col];
    }
  }

  private static void store(FloatVector sum, float alpha, float[] b, float beta, float[] y, int offset) {
    FloatVector scaled = sum.mul(alpha);
    if (b != null) {
      scaled = FloatVector.fromArray(SPECIES, b, offset).mul(beta).add(scaled);
    }
    scaled.intoArray(y, offset);
  }
}
