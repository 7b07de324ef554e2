package org.example.sigmoidrank;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.losses.Logits;
import org.rankcf.losses.PairScoreLoss;

/**
 * Sigmoid ranking loss: the mean over (positive, negative) pairs of sigmoid(s_neg - s_pos), a bounded, smooth
 * count of mis-ordered pairs. Unlike BPR's softplus, a badly mis-ordered pair saturates instead of dominating.
 */
public final class SigmoidRankLoss extends PairScoreLoss {
  public static final PluginFactory<Loss, NoConfig> FACTORY = PluginFactory.of(NoConfig.class, NoConfig.INSTANCE,
      "sigmoid ranking: mean of sigmoid(s_neg - s_pos) over (positive, negative) pairs",
      (config, context) -> new SigmoidRankLoss());

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    int negatives = count - 1;
    double positive = scores[offset];
    double sum = 0;
    double positiveSlope = 0;
    for (int k = 1; k < count; k++) {
      double sigma = Logits.sigmoid(scores[offset + k] - positive);
      sum += sigma;
      // d sigmoid(x) / dx = sigma (1 - sigma), x rising with the negative's score and falling with the positive's
      double slope = sigma * (1 - sigma) / negatives;
      slopes[offset + k] = (float) slope;
      positiveSlope -= slope;
    }
    slopes[offset] = (float) positiveSlope;
    return sum / negatives;
  }
}
