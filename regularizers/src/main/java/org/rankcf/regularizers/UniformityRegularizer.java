package org.rankcf.regularizers;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.util.Check;

/**
 * DirectAU's uniformity term as a regularizer: (unif(U_b) + unif(I_b)) / 2 ({@link Uniformity}) over the
 * batch's unique users and its unique positive items (the first {@link Batch#numPositiveItems()} unique
 * items; negatives are not included). O(n^2 d) per step.
 */
public final class UniformityRegularizer implements Regularizer {
  /** @param t the factor in exp(-t ||x^_p - x^_q||^2), 2 in DirectAU */
  public record Config(double t) {
    public static final Config DEFAULTS = new Config(2.0);

    public Config {
      Check.positive("t", t);
    }
  }

  public static final PluginFactory<Regularizer, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS,
      "DirectAU uniformity (unif(U_b) + unif(I_b)) / 2 over the batch's unique users and positive items",
      (config, context) -> new UniformityRegularizer(config));

  private final UserItemMean mean;

  public UniformityRegularizer(Config config) {
    this.mean = new UserItemMean(() -> new NormalizedRowTerm(new Uniformity(config.t())));
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    return mean.valueAndGradient(batch.users(), batch.numUniqueUsers(), batch.userGrad(),
        batch.items(), batch.numPositiveItems(), batch.itemGrad(), batch.dim(), weight, batch.parallel());
  }
}
