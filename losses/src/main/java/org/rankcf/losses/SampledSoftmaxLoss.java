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
 *
 * <p>Its IR-Benchmark variant ({@link SoftmaxLoss}, {@link BilateralSoftmaxLoss}) leaves the positive out of
 * the denominator, scores by cosine, runs on the fused pass and may scale the whole loss:
 * c * (-z_0 + log sum over k = 1..N of exp(z_k)).
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
  private final boolean includePositive;
  private final double scale;

  public SampledSoftmaxLoss(Config config) {
    this(config.temperature(), config.logq(), true, 1.0);
  }

  /**
   * @param includePositive whether the positive is in the denominator; without it the loss is IR-Benchmark's
   *     (cosine scores, fused pass, no logQ)
   * @param scale c, multiplying the loss
   */
  SampledSoftmaxLoss(double temperature, boolean logq, boolean includePositive, double scale) {
    // IR-Benchmark's variant: cosine scores on the fused pass
    super(!includePositive, !includePositive);
    this.inverseTemperature = 1 / temperature;
    this.logq = logq;
    this.includePositive = includePositive;
    this.scale = scale;
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
    if (!includePositive) {
      return scale * softmaxRow(scores, offset, count, slopes, inverseTemperature, scale);
    }
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

  /**
   * IR-Benchmark's SL of one row, l = log sum over the negatives of exp((c_neg - c_pos) / t) (no logQ);
   * returns l and writes {@code scale} times its derivatives into {@code slopes}.
   */
  static double softmaxRow(float[] scores, int offset, int count, float[] slopes, double inverseTemperature,
      double scale) {
    for (int k = 1; k < count; k++) {
      slopes[offset + k] = (float) (scores[offset + k] * inverseTemperature);
    }
    double logSumExp = Logits.logSumExp(slopes, offset + 1, count - 1, slopes, scale * inverseTemperature);
    slopes[offset] = (float) (-scale * inverseTemperature);
    return logSumExp - scores[offset] * inverseTemperature;
  }
}
