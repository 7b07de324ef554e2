package org.rankcf.framework.spi;

import java.util.SplittableRandom;

/** Draws negative items for a batch of positive pairs. */
public interface Sampler {
  /**
   * Writes {@code negatives} item ids for each of the first {@code size} pairs into
   * {@code out[b * negatives + k]}, drawing from {@code random} only.
   */
  void sample(int[] users, int[] positives, int size, int negatives, int[] out, SplittableRandom random);

  /**
   * Log of the probability with which the last {@link #sample} call drew {@code item} as one negative,
   * for the logQ correction of sampled softmax.
   */
  double logProbability(int item);
}
