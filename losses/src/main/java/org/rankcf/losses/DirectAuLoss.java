package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.objective.BatchUniformity;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;

/**
 * DirectAU (Wang et al. 2022): alignment + gamma * (unif(U_b) + unif(I_b)) / 2, composed of the
 * {@link AlignmentLoss} and gamma times the {@link BatchUniformity} building block (over the batch's unique
 * users and unique positive items). Uses no negatives; O(n^2 d) per batch for the uniformity.
 */
public final class DirectAuLoss implements Loss {
  /**
   * @param gamma the weight of the uniformity term
   * @param t the factor in exp(-t ||x^_p - x^_q||^2) of the uniformity, 2 in DirectAU
   */
  public record Config(double gamma, double t) {
    public static final Config DEFAULTS = new Config(1.0, BatchUniformity.DEFAULT_T);

    public Config {
      Check.nonNegative("gamma", gamma);
      Check.positive("t", t);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "DirectAU: alignment + gamma (unif(U_b) + unif(I_b)) / 2",
      (config, context) -> new DirectAuLoss(config));

  private final double gamma;
  private final AlignmentLoss alignment = new AlignmentLoss();
  private final BatchUniformity uniformity;

  public DirectAuLoss(Config config) {
    this.gamma = config.gamma();
    this.uniformity = new BatchUniformity(config.t());
  }

  @Override
  public boolean usesNegatives() {
    return false;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    double value = alignment.valueAndGradient(batch, weight);
    if (gamma > 0) {
      value += gamma * uniformity.valueAndGradient(batch, weight * gamma);
    }
    return value;
  }
}
