package org.rankcf.losses;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.LossState;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.util.Check;

/**
 * SL@K (LOSSES.md L6): the mean over rows of w_r * l_r, l_r the IR-Benchmark SL of the row on cosines at
 * temperature t_d and w_r = sigmoid((c_pos - beta_u) / t_w) a weight that is differentiated too (beta is a
 * constant), beta_u the per-user estimate of the K-th largest score ({@link UserQuantile}), checkpointed.
 * Its runs select the epoch by NDCG@K with this K ({@link Config#selectionMetric()}).
 */
public final class SoftmaxAtKLoss extends PairScoreLoss implements LossState {
  /**
   * @param k K, the cut-off whose NDCG the loss targets
   * @param temperature t_d, the SL temperature on raw cosines
   * @param quantileTemperature t_w, the temperature of the weight's sigmoid
   * @param quantileInterval T, beta is re-estimated in epochs e with (e + 1) mod T = 0
   */
  public record Config(int k, double temperature, double quantileTemperature, int quantileInterval) {
    public static final Config DEFAULTS = new Config(20, 1.0, 1.0, 20);

    public Config {
      Check.atLeast("k", k, 1);
      Check.positive("temperature", temperature);
      Check.positive("quantile-temperature", quantileTemperature);
      Check.atLeast("quantile-interval", quantileInterval, 1);
    }

    /** The validation metric SL@K's runs select by: NDCG at the loss's own K (LOSSES.md P6). */
    public String selectionMetric() {
      return "ndcg@" + k;
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "SL@K: sigmoid((cos(u,i) - beta_u) / quantile-temperature) x SL(temperature), "
          + "beta_u the K-th largest score, re-estimated every quantile-interval epochs",
      (config, context) -> new SoftmaxAtKLoss(config, new UserQuantile(context.data().train(), config.k(),
          config.quantileInterval())));

  private final double inverseTemperature;
  private final double inverseQuantileTemperature;
  private final UserQuantile quantile;

  SoftmaxAtKLoss(Config config, UserQuantile quantile) {
    super(true, true);
    this.inverseTemperature = 1 / config.temperature();
    this.inverseQuantileTemperature = 1 / config.quantileTemperature();
    this.quantile = quantile;
  }

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    double weight = Logits.sigmoid((scores[offset] - quantile.beta(batch.userIds()[b])) * inverseQuantileTemperature);
    double softmax = SampledSoftmaxLoss.softmaxRow(scores, offset, count, slopes, inverseTemperature, weight);
    // the weight's own derivative: l * w (1 - w) / t_w, on the positive's cosine
    slopes[offset] = (float) (slopes[offset] + softmax * weight * (1 - weight) * inverseQuantileTemperature);
    return weight * softmax;
  }

  @Override
  public LossState state() {
    return this;
  }

  @Override
  public void startEpoch(int epoch) {
    quantile.startEpoch(epoch);
  }

  @Override
  public void afterStep(Batch batch, Model model) {
    quantile.afterStep(batch, model);
  }

  @Override
  public Map<String, float[]> arrays() {
    Map<String, float[]> arrays = new LinkedHashMap<>();
    arrays.put("beta", quantile.betas());
    return arrays;
  }
}
