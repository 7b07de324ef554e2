package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.kernels.SampledRowPass;
import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.spi.Loss;

/**
 * A loss that is the mean over the batch's B pairs of a function of each pair's scores: the positive score
 * s_b0 = &lt;u_b, i_b&gt; and the N negative scores s_bk = &lt;u_b, j_bk&gt;. A subclass gives that function and
 * its derivatives ({@link #pairLoss}); this class computes the scores and chains the derivatives back to
 * the rows, so a new sampled loss is one method.
 *
 * <p>With cosine scoring the scores are taken between the row-normalised embeddings ({@link UnitRows}, which
 * also carries the normalisation's chain rule back to the raw rows).
 *
 * <p>The fused scoring ({@link SampledRowPass}, for many negatives per pair) takes each pair's dot products,
 * loss and user-side gradient in one pass per pair, and sums across pairs in pair order, so its results do
 * not depend on the thread count; it adds the gradients in another order than the pair-order scoring below,
 * which the losses that existed before it keep so that their runs repeat bit for bit.
 *
 * <p>In the pair-order scoring, scores are computed in parallel over pairs (partial sums combined in chunk
 * order). The backward pass runs the user side and the item side as two tasks, each adding into its own
 * gradient array in pair order, so repeated ids accumulate without races and results are reproducible.
 */
public abstract class PairScoreLoss implements Loss {
  private final boolean cosine;
  private final SampledRowPass fused;
  private final UnitRows unitUsers;
  private final UnitRows unitItems;
  private float[] scores = new float[0];
  private float[] slopes = new float[0];

  /** A loss on dot-product scores. */
  protected PairScoreLoss() {
    this(false, false);
  }

  /**
   * A loss on cosine scores if {@code cosine}, otherwise on dot products; scored by the fused pass if
   * {@code fused}, otherwise in pair order.
   */
  protected PairScoreLoss(boolean cosine, boolean fused) {
    this.cosine = cosine;
    this.fused = fused ? new SampledRowPass() : null;
    this.unitUsers = cosine ? new UnitRows() : null;
    this.unitItems = cosine ? new UnitRows() : null;
  }

  /** Whether the scores are cosines of the embeddings rather than their dot products. */
  public final boolean cosine() {
    return cosine;
  }

  /**
   * The loss of pair {@code b} from its scores at {@code scores[offset]} (positive) and
   * {@code scores[offset + 1 + k]} (negative k, k &lt; count - 1); writes d loss / d score at the same
   * positions of {@code slopes}. Called concurrently for different pairs.
   */
  protected abstract double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes);

  @Override
  public boolean usesNegatives() {
    return true;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    if (!cosine) {
      return lossOnRows(batch, batch.users(), batch.items(), batch.userGrad(), batch.itemGrad(), weight);
    }
    unitUsers.normalize(batch.users(), batch.numUniqueUsers(), batch.dim(), batch.parallel());
    unitItems.normalize(batch.items(), batch.numUniqueItems(), batch.dim(), batch.parallel());
    double value = lossOnRows(batch, unitUsers.unit(), unitItems.unit(), unitUsers.gradient(), unitItems.gradient(), 1.0);
    unitUsers.backward(weight, batch.userGrad(), batch.parallel());
    unitItems.backward(weight, batch.itemGrad(), batch.parallel());
    return value;
  }

  /**
   * The loss with scores between rows of {@code users} and {@code items} (the raw or the normalised rows),
   * adding {@code weight} times its gradient into {@code userGrad} / {@code itemGrad}.
   */
  private double lossOnRows(Batch batch, float[] users, float[] items, float[] userGrad, float[] itemGrad,
      double weight) {
    if (fused == null) {
      return meanPairLoss(batch, users, items, userGrad, itemGrad, weight);
    }
    requireNegatives(batch);
    return fused.meanLoss(batch, users, items, userGrad, itemGrad, weight,
        (b, rowScores, offset, count, rowSlopes) -> pairLoss(batch, b, rowScores, offset, count, rowSlopes));
  }

  /**
   * The mean pair loss with scores taken between rows of {@code users} and {@code items} (the batch's rows
   * or a transform of them, such as the normalised rows); adds {@code weight} times its gradient into
   * {@code userGrad} / {@code itemGrad}.
   */
  private double meanPairLoss(
      Batch batch, float[] users, float[] items, float[] userGrad, float[] itemGrad, double weight) {
    int size = batch.size();
    requireNegatives(batch);
    int count = batch.negatives() + 1;
    if (scores.length < size * count) {
      scores = new float[size * count];
      slopes = new float[size * count];
    }
    double sum = batch.parallel().sum(size, (chunk, from, to) -> scorePairs(batch, users, items, from, to));
    float scale = (float) (weight / size);
    // side 0 adds into the user rows, side 1 into the item rows: no two tasks write the same array
    batch.parallel().forRange(2, 2, (side, from, to) -> backward(
        batch, side == 0 ? items : users, side == 0 ? userGrad : itemGrad, side == 0, scale));
    return sum / size;
  }

  private void requireNegatives(Batch batch) {
    if (batch.negatives() < 1) {
      throw new IllegalStateException(getClass().getSimpleName() + " needs at least one negative per pair");
    }
  }

  private double scorePairs(Batch batch, float[] users, float[] items, int from, int to) {
    KernelPath kernels = Kernels.path();
    int dim = batch.dim();
    int negatives = batch.negatives();
    int count = negatives + 1;
    double sum = 0;
    for (int b = from; b < to; b++) {
      int user = batch.userRow()[b] * dim;
      int offset = b * count;
      scores[offset] = kernels.dot(users, user, items, batch.positiveRow()[b] * dim, dim);
      for (int k = 0; k < negatives; k++) {
        scores[offset + 1 + k] = kernels.dot(users, user, items, batch.negativeRow()[b * negatives + k] * dim, dim);
      }
      sum += pairLoss(batch, b, scores, offset, count, slopes);
    }
    return sum;
  }

  /**
   * Users' side: each user row gets the sum of slope * item row over its scores; items' side: each item
   * row gets slope * user row. {@code source} holds the other side's rows.
   */
  private void backward(Batch batch, float[] source, float[] gradient, boolean userSide, float scale) {
    KernelPath kernels = Kernels.path();
    int dim = batch.dim();
    int negatives = batch.negatives();
    int count = negatives + 1;
    for (int b = 0; b < batch.size(); b++) {
      int user = batch.userRow()[b] * dim;
      for (int k = 0; k < count; k++) {
        float slope = slopes[b * count + k];
        if (slope == 0f) {
          continue;
        }
        int item = (k == 0 ? batch.positiveRow()[b] : batch.negativeRow()[b * negatives + k - 1]) * dim;
        if (userSide) {
          kernels.axpy(scale * slope, source, item, gradient, user, dim);
        } else {
          kernels.axpy(scale * slope, source, user, gradient, item, dim);
        }
      }
    }
  }
}
