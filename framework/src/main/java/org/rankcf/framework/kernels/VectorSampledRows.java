package org.rankcf.framework.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link SampledRows}. The dot products take four picked rows at a time, so each vector of x is
 * loaded once for four independent fused multiply-add chains (their lanes are summed in a
 * fixed tree); they agree with the plain-Java path to float rounding. The gradient sums
 * keep up to four vectors of columns in registers over all picked rows with the plain path's product-then-add
 * per lane, so they agree with it bit for bit.
 */
final class VectorSampledRows implements SampledRows {
  static final VectorSampledRows INSTANCE = new VectorSampledRows();
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int FL = F.length();

  private VectorSampledRows() {}

  @Override
  public void gatherDots(float[] x, int xOff, float[] table, int[] rows, int rowsOff, int n, int dim, float[] out,
      int outOff) {
    int vectorEnd = dim - dim % FL;
    float[] lanes = KernelScratch.get().tile(4 * FL);
    int k = 0;
    for (; k + 4 <= n; k += 4) {
      int r0 = rows[rowsOff + k] * dim;
      int r1 = rows[rowsOff + k + 1] * dim;
      int r2 = rows[rowsOff + k + 2] * dim;
      int r3 = rows[rowsOff + k + 3] * dim;
      FloatVector s0 = FloatVector.zero(F);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      for (int t = 0; t < vectorEnd; t += FL) {
        FloatVector xv = FloatVector.fromArray(F, x, xOff + t);
        s0 = FloatVector.fromArray(F, table, r0 + t).fma(xv, s0);
        s1 = FloatVector.fromArray(F, table, r1 + t).fma(xv, s1);
        s2 = FloatVector.fromArray(F, table, r2 + t).fma(xv, s2);
        s3 = FloatVector.fromArray(F, table, r3 + t).fma(xv, s3);
      }
      s0.intoArray(lanes, 0);
      s1.intoArray(lanes, FL);
      s2.intoArray(lanes, 2 * FL);
      s3.intoArray(lanes, 3 * FL);
      out[outOff + k] = laneSum(lanes, 0) + tail(x, xOff, table, r0, vectorEnd, dim);
      out[outOff + k + 1] = laneSum(lanes, FL) + tail(x, xOff, table, r1, vectorEnd, dim);
      out[outOff + k + 2] = laneSum(lanes, 2 * FL) + tail(x, xOff, table, r2, vectorEnd, dim);
      out[outOff + k + 3] = laneSum(lanes, 3 * FL) + tail(x, xOff, table, r3, vectorEnd, dim);
    }
    for (; k < n; k++) {
      int r = rows[rowsOff + k] * dim;
      FloatVector s = FloatVector.zero(F);
      for (int t = 0; t < vectorEnd; t += FL) {
        s = FloatVector.fromArray(F, table, r + t).fma(FloatVector.fromArray(F, x, xOff + t), s);
      }
      s.intoArray(lanes, 0);
      out[outOff + k] = laneSum(lanes, 0) + tail(x, xOff, table, r, vectorEnd, dim);
    }
  }

  /**
   * The sum of lanes[from .. from + FL) in a fixed tree (halves, then their halves): stored and added as
   * scalars, which costs a fraction of shuffling the lanes in registers on this path.
   */
  private static float laneSum(float[] lanes, int from) {
    for (int width = FL / 2; width > 0; width /= 2) {
      for (int l = 0; l < width; l++) {
        lanes[from + l] += lanes[from + l + width];
      }
    }
    return lanes[from];
  }

  private static float tail(float[] x, int xOff, float[] table, int row, int from, int dim) {
    float sum = 0;
    for (int t = from; t < dim; t++) {
      sum += x[xOff + t] * table[row + t];
    }
    return sum;
  }

  @Override
  public void gatherAxpy(float scale, float[] alphas, int alphaOff, float[] table, int[] rows, int rowsOff, int n,
      int dim, float[] y, int yOff) {
    int t = 0;
    for (; t + 4 * FL <= dim; t += 4 * FL) {
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int k = 0; k < n; k++) {
        float alpha = alphas[alphaOff + k];
        int row = rows[rowsOff + k] * dim + t;
        a0 = a0.add(FloatVector.fromArray(F, table, row).mul(alpha));
        a1 = a1.add(FloatVector.fromArray(F, table, row + FL).mul(alpha));
        a2 = a2.add(FloatVector.fromArray(F, table, row + 2 * FL).mul(alpha));
        a3 = a3.add(FloatVector.fromArray(F, table, row + 3 * FL).mul(alpha));
      }
      addScaled(a0, scale, y, yOff + t);
      addScaled(a1, scale, y, yOff + t + FL);
      addScaled(a2, scale, y, yOff + t + 2 * FL);
      addScaled(a3, scale, y, yOff + t + 3 * FL);
    }
    for (; t + FL <= dim; t += FL) {
      FloatVector a = FloatVector.zero(F);
      for (int k = 0; k < n; k++) {
        a = a.add(FloatVector.fromArray(F, table, rows[rowsOff + k] * dim + t).mul(alphas[alphaOff + k]));
      }
      addScaled(a, scale, y, yOff + t);
    }
    for (; t < dim; t++) {
      float sum = 0;
      for (int k = 0; k < n; k++) {
        sum += alphas[alphaOff + k] * table[rows[rowsOff + k] * dim + t];
      }
      y[yOff + t] += scale * sum;
    }
  }

  private static void addScaled(FloatVector sum, float scale, float[] y, int yOff) {
    sum.mul(scale).add(FloatVector.fromArray(F, y, yOff)).intoArray(y, yOff);
  }
}
