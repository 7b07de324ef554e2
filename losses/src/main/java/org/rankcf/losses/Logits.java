package org.rankcf.losses;

import java.util.Arrays;
import org.rankcf.framework.kernels.FloatExp;

/** Numerically stable log-sigmoid and softmax pieces shared by the score-based losses. */
public final class Logits {
  private Logits() {}

  /** log(1 + e^x) = -log sigmoid(-x), without overflow for large |x|. */
  public static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** 1 / (1 + e^-x), without overflow for large |x|. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /**
   * Softmax cross-entropy of the logits {@code z[offset .. offset + count)} against position
   * {@code target}: returns logsumexp(z) - z[target] and writes {@code scale * (softmax(z) - onehot)}, the
   * derivative scaled, into {@code out} at the same positions ({@code out} may be {@code z}).
   */
  public static double crossEntropy(float[] z, int offset, int count, int target, float[] out, double scale) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      max = Math.max(max, z[offset + k]);
    }
    double sum = 0;
    for (int k = 0; k < count; k++) {
      sum += Math.exp(z[offset + k] - max);
    }
    double value = Math.log(sum) + max - z[offset + target];
    for (int k = 0; k < count; k++) {
      double probability = Math.exp(z[offset + k] - max) / sum;
      out[offset + k] = (float) (scale * (k == target ? probability - 1 : probability));
    }
    return value;
  }

  /**
   * logsumexp of {@code z[offset .. offset + count)} with the maximum subtracted, so no exponential
   * overflows (the exponentials are {@link FloatExp}'s, to a float ulp, as the scores are floats); writes
   * {@code scale * softmax(z)} into {@code out} at the same positions ({@code out} may be {@code z}).
   * Entries of -infinity take no part (weight 0); if all are, returns -infinity and writes 0s.
   */
  public static double logSumExp(float[] z, int offset, int count, float[] out, double scale) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      max = Math.max(max, z[offset + k]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      Arrays.fill(out, offset, offset + count, 0f);
      return max;
    }
    float shift = (float) max;
    double sum = 0;
    for (int k = 0; k < count; k++) {
      float e = FloatExp.exp(z[offset + k] - shift);
      out[offset + k] = e;
      sum += e;
    }
    float norm = (float) (scale / sum);
    for (int k = 0; k < count; k++) {
      out[offset + k] *= norm;
    }
    return max + Math.log(sum);
  }
}
