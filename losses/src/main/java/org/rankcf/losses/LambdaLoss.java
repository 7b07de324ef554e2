package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;

/**
 * The LambdaRank family as IR-Benchmark runs it (LOSSES.md §L8.1): BPR on dot products, each (positive,
 * negative) term weighted by a Δ from both items' ranks in the whole catalogue, L = mean over pairs and
 * negatives of Δ · softplus(x_j - x_i). The ranks are recomputed every step from the current tables and
 * are constants (no gradient). The papers use exactly one negative per row; with N the terms are averaged.
 *
 * <ul>
 *   <li>{@code lambdarank}: Δ = |1/log2(1 + π_i) - 1/log2(1 + π_j)|;</li>
 *   <li>{@code lambdaloss}: Δ = 1/log2(1 + |π_i - π_j|), where a score tie (equal ranks, a division by 0 in
 *       the reference) counts as adjacent ranks;</li>
 *   <li>{@code lambdaloss-at-k}: the lambdaloss Δ, divided by (1 - 1/π_max) when π_max = max(π_i, π_j) &gt; K
 *       (the reference code's form, without the paper's log).</li>
 * </ul>
 *
 * Cost: a full score row per unique user of the batch, O(U_B · |I| · d) per step on top of BPR's.
 */
public final class LambdaLoss extends PairScoreLoss {
  /** How a term's weight follows from the two ranks. */
  enum Delta {
    RANK, LOSS, LOSS_AT_K
  }

  /** @param k K, the cut-off beyond which lambdaloss-at-k boosts a term */
  public record AtKConfig(int k) {
    public static final AtKConfig DEFAULTS = new AtKConfig(20);

    public AtKConfig {
      Check.atLeast("k", k, 1);
    }
  }

  public static final PluginFactory<Loss, NoConfig> LAMBDARANK = PluginFactory.of(NoConfig.class, NoConfig.INSTANCE,
      "LambdaRank: BPR weighted by the NDCG change of swapping the two items' catalogue ranks",
      (config, context) -> new LambdaLoss(Delta.RANK, 0));
  public static final PluginFactory<Loss, NoConfig> LAMBDALOSS = PluginFactory.of(NoConfig.class, NoConfig.INSTANCE,
      "LambdaLoss: BPR weighted by 1/log2(1 + |rank gap|) of the catalogue ranks",
      (config, context) -> new LambdaLoss(Delta.LOSS, 0));
  public static final PluginFactory<Loss, AtKConfig> LAMBDALOSS_AT_K = PluginFactory.of(AtKConfig.class,
      AtKConfig.DEFAULTS, "LambdaLoss@K: LambdaLoss with terms beyond rank K boosted by 1/(1 - 1/max rank)",
      (config, context) -> new LambdaLoss(Delta.LOSS_AT_K, config.k()));

  private final Delta delta;
  private final int k;
  private final CatalogueRanks ranks = new CatalogueRanks();

  LambdaLoss(Delta delta, int k) {
    this.delta = delta;
    this.k = k;
  }

  @Override
  public boolean readsWholeTables() {
    return true;
  }

  /** The ranks are held constant; LambdaLossTest checks the gradient against a reference that holds them. */
  @Override
  public boolean stopsGradients() {
    return true;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    if (batch.negatives() > 0) {
      ranks.compute(batch);
    }
    return super.valueAndGradient(batch, weight);
  }

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    int negatives = count - 1;
    double positive = scores[offset];
    int positiveRank = ranks.positive(b);
    double sum = 0;
    double positiveSlope = 0;
    for (int j = 1; j < count; j++) {
      double weight = weight(positiveRank, ranks.negative(b * negatives + j - 1)) / negatives;
      double margin = scores[offset + j] - positive;
      sum += weight * Logits.softplus(margin);
      double slope = weight * Logits.sigmoid(margin);
      slopes[offset + j] = (float) slope;
      positiveSlope -= slope;
    }
    slopes[offset] = (float) positiveSlope;
    return sum;
  }

  /** Δ of a positive ranked {@code pi} and a negative ranked {@code pj}. */
  double weight(int pi, int pj) {
    if (delta == Delta.RANK) {
      return Math.abs(1 / log2(1 + pi) - 1 / log2(1 + pj));
    }
    double loss = 1 / log2(1 + Math.max(1, Math.abs(pi - pj)));
    int highest = Math.max(pi, pj);
    return delta == Delta.LOSS_AT_K && highest > k ? loss / (1 - 1.0 / highest) : loss;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
