package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;

/**
 * Sampled softmax: -log( exp(z_0) / sum over k = 0..N of exp(z_k) ), mean over the B pairs, with logits
 * z_0 = s_pos / t and z_k = s_neg,k / t. With the logQ correction the negatives' logits become
 * z_k = s_neg,k / t - log q(j_k), q the probability with which the sampler drew j_k
 * ({@link Batch#negativeLogQ()}, filled by the trainer); the positive's logit is left as it is.
 */
public final class SampledSoftmaxLoss extends PairScoreLoss {
  /**
   * @param temperature t, dividing every score (1 in the paper's code)
   * @param logq whether to subtract the sampler's log-probability from the negatives' logits
   */
  public record Config(double temperature, boolean logq) {
    public static final Config DEFAULTS = new Config(1.0, false);

    public Config {
      Check.positive("temperature", temperature);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "sampled softmax over the positive and N negatives (temperature, logQ option)",
      (config, context) -> new SampledSoftmaxLoss(config));

  private final double inverseTemperature;
  private final boolean logq;

  public SampledSoftmaxLoss(Config config) {
    this.inverseTemperature = 1 / config.temperature();
    this.logq = config.logq();
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    if (logq && !batch.hasNegativeLogQ()) {
      throw new IllegalStateException("ssm with logq needs the negatives' log q in the batch (BatchAssembler.setNegativeLogQ)");
    }
    return super.valueAndGradient(batch, weight);
  }

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    int negatives = count - 1;
    float[] logQ = batch.negativeLogQ();
    // the logits go into slopes first; crossEntropy then overwrites them with d loss / d score
    for (int k = 0; k < count; k++) {
      double logit = scores[offset + k] * inverseTemperature;
      if (logq && k > 0) {
        logit -= logQ[b * negatives + k - 1];
      }
      slopes[offset + k] = (float) logit;
    }
    return Logits.crossEntropy(slopes, offset, count, 0, slopes, inverseTemperature);
  }
}
