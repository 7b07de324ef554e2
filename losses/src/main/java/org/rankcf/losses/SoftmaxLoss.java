package org.rankcf.losses;

import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;

/**
 * IR-Benchmark's softmax loss SL (LOSSES.md L1): log sum over the N negatives of exp((c_neg - c_pos) / t) on
 * cosines c, the positive left out of the denominator; a {@link SampledSoftmaxLoss} variant.
 */
public final class SoftmaxLoss {
  /** @param temperature t, on raw cosines (the IR-Benchmark code's and the SL@K paper's convention) */
  public record Config(double temperature) {
    public static final Config DEFAULTS = new Config(1.0);

    public Config {
      Check.positive("temperature", temperature);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "IR-Benchmark SL: log sum_j exp((cos(u,j) - cos(u,i)) / temperature)",
      (config, context) -> create(config.temperature()));

  private SoftmaxLoss() {}

  public static SampledSoftmaxLoss create(double temperature) {
    return new SampledSoftmaxLoss(temperature, false, false, 1.0);
  }
}
