package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;

/**
 * Bayesian personalised ranking: the mean over the B * N (positive, negative) pairs of
 * -log sigmoid(s_pos - s_neg) = softplus(s_neg - s_pos).
 */
public final class BprLoss extends PairScoreLoss {
  public static final PluginFactory<Loss, NoConfig> FACTORY = PluginFactory.of(
      NoConfig.class, NoConfig.INSTANCE, "BPR: mean of -log sigmoid(s_pos - s_neg) over (positive, negative) pairs",
      (config, context) -> new BprLoss());

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    int negatives = count - 1;
    double positive = scores[offset];
    double sum = 0;
    double positiveSlope = 0;
    for (int k = 1; k < count; k++) {
      double margin = scores[offset + k] - positive;
      sum += Logits.softplus(margin);
      double slope = Logits.sigmoid(margin) / negatives;
      slopes[offset + k] = (float) slope;
      positiveSlope -= slope;
    }
    slopes[offset] = (float) positiveSlope;
    return sum / negatives;
  }
}
