package org.rankcf.framework.objective;

import org.rankcf.framework.batch.Batch;

/**
 * DirectAU's uniformity of a batch, (unif(U_b) + unif(I_b)) / 2 ({@link Uniformity} on the row-normalised
 * rows) over the batch's unique users and its unique positive items (the first
 * {@link Batch#numPositiveItems()} unique items; negatives are not included). O(n^2 d) per step. The building
 * block of the uniformity regularizer and of DirectAU; keeps buffers between steps, not thread-safe.
 */
public final class BatchUniformity {
  /** t in exp(-t ||x^_p - x^_q||^2) as DirectAU sets it. */
  public static final double DEFAULT_T = 2.0;

  private final UserItemMean mean;

  public BatchUniformity(double t) {
    this.mean = new UserItemMean(() -> new NormalizedRowTerm(new Uniformity(t)));
  }

  /** Returns the batch's uniformity and adds {@code weight} times its gradient into the batch's gradients. */
  public double valueAndGradient(Batch batch, double weight) {
    return mean.valueAndGradient(batch.users(), batch.numUniqueUsers(), batch.userGrad(),
        batch.items(), batch.numPositiveItems(), batch.itemGrad(), batch.dim(), weight, batch.parallel());
  }
}
