package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;

/**
 * Binary cross-entropy with the positive as label 1 and every negative as label 0:
 * -log sigmoid(s_pos) - sum over the N negatives of log sigmoid(-s_neg), mean over the B pairs.
 */
public final class BceLoss extends PairScoreLoss {
  public static final PluginFactory<Loss, NoConfig> FACTORY = PluginFactory.of(
      NoConfig.class, NoConfig.INSTANCE, "BCE: -log sigmoid(s_pos) - sum_j log sigmoid(-s_neg_j), mean over pairs",
      (config, context) -> new BceLoss());

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    double positive = scores[offset];
    double sum = Logits.softplus(-positive);
    slopes[offset] = (float) -Logits.sigmoid(-positive);
    for (int k = 1; k < count; k++) {
      double negative = scores[offset + k];
      sum += Logits.softplus(negative);
      slopes[offset + k] = (float) Logits.sigmoid(negative);
    }
    return sum;
  }
}
