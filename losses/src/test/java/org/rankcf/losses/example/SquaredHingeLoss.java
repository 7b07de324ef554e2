package org.rankcf.losses.example;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;
import org.rankcf.losses.PairScoreLoss;

/** Squared hinge on the score gap: the mean over (positive, negative) pairs of max(0, m - s_pos + s_neg)^2. */
public final class SquaredHingeLoss extends PairScoreLoss {
  /** @param margin m, the score gap below which a pair is penalised */
  public record Config(double margin) {
    public static final Config DEFAULTS = new Config(1.0);

    public Config {
      Check.positive("margin", margin);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "squared hinge: mean of max(0, margin - s_pos + s_neg)^2",
      (config, context) -> new SquaredHingeLoss(config.margin()));

  private final double margin;

  public SquaredHingeLoss(double margin) {
    this.margin = margin;
  }

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    double sum = 0;
    slopes[offset] = 0f;
    for (int k = 1; k < count; k++) {
      double shortfall = Math.max(0, margin - scores[offset] + scores[offset + k]);
      sum += shortfall * shortfall;
      // d/ds_neg = 2 * shortfall, d/ds_pos = -2 * shortfall, averaged over the N negatives
      slopes[offset + k] = (float) (2 * shortfall / (count - 1));
      slopes[offset] -= slopes[offset + k];
    }
    return sum / (count - 1);
  }
}
