package org.rankcf.regularizers;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.objective.BatchUniformity;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.util.Check;

/** DirectAU's uniformity term ({@link BatchUniformity}) as a regularizer on its own. O(n^2 d) per step. */
public final class UniformityRegularizer implements Regularizer {
  /** @param t the factor in exp(-t ||x^_p - x^_q||^2), 2 in DirectAU */
  public record Config(double t) {
    public static final Config DEFAULTS = new Config(BatchUniformity.DEFAULT_T);

    public Config {
      Check.positive("t", t);
    }
  }

  public static final PluginFactory<Regularizer, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS,
      "DirectAU uniformity (unif(U_b) + unif(I_b)) / 2 over the batch's unique users and positive items",
      (config, context) -> new UniformityRegularizer(config));

  private final BatchUniformity uniformity;

  public UniformityRegularizer(Config config) {
    this.uniformity = new BatchUniformity(config.t());
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    return uniformity.valueAndGradient(batch, weight);
  }
}
