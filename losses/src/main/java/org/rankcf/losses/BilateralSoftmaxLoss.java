package org.rankcf.losses;

import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;

/**
 * BSL (LOSSES.md L2): -c_pos / t1 + (t2 / t1) log sum over the N negatives of exp(c_neg / t2), on cosines.
 * Per row this is exactly (t2 / t1) times {@link SoftmaxLoss} with temperature t2, which is how it is
 * computed.
 */
public final class BilateralSoftmaxLoss {
  /**
   * @param temperaturePositive t1, dividing the positive's cosine
   * @param temperatureNegative t2, the negatives' softmax temperature
   */
  public record Config(double temperaturePositive, double temperatureNegative) {
    public static final Config DEFAULTS = new Config(1.0, 1.0);

    public Config {
      Check.positive("temperature-positive", temperaturePositive);
      Check.positive("temperature-negative", temperatureNegative);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "BSL: -cos(u,i)/t1 + (t2/t1) log sum_j exp(cos(u,j)/t2)",
      (config, context) -> create(config.temperaturePositive(), config.temperatureNegative()));

  private BilateralSoftmaxLoss() {}

  public static SampledSoftmaxLoss create(double temperaturePositive, double temperatureNegative) {
    return new SampledSoftmaxLoss(temperatureNegative, false, false, temperatureNegative / temperaturePositive);
  }
}
