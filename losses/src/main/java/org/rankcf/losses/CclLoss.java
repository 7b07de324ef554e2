package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;

/**
 * SimpleX's cosine contrastive loss: (1 - cos(u, i)) + (w / N) * sum over the N negatives of
 * max(0, cos(u, j) - m), mean over the B pairs. Scores are cosines (PairScoreLoss's cosine scoring).
 */
public final class CclLoss extends PairScoreLoss {
  /**
   * @param margin m, the cosine above which a negative is penalised
   * @param negativeWeight w, the weight of the negatives' mean term
   */
  public record Config(double margin, double negativeWeight) {
    public static final Config DEFAULTS = new Config(0.9, 1.0);

    public Config {
      Check.inRange("margin", margin, -1, 1);
      Check.nonNegative("negative-weight", negativeWeight);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "SimpleX CCL: 1 - cos(u,i) + (w/N) sum_j max(0, cos(u,j) - margin)",
      (config, context) -> new CclLoss(config));

  private final double margin;
  private final double negativeWeight;

  public CclLoss(Config config) {
    super(true, false);
    this.margin = config.margin();
    this.negativeWeight = config.negativeWeight();
  }

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    double perNegative = negativeWeight / (count - 1);
    double value = 1 - scores[offset];
    slopes[offset] = -1f;
    for (int k = 1; k < count; k++) {
      double excess = scores[offset + k] - margin;
      if (excess > 0) {
        value += perNegative * excess;
        slopes[offset + k] = (float) perNegative;
      } else {
        slopes[offset + k] = 0f;
      }
    }
    return value;
  }
}
