package org.rankcf.regularizers.example;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.util.Check;

/**
 * Pulls the squared norms of the batch's rows towards a target t: the mean over the unique users of
 * (||u||^2 - t)^2, plus the same over the unique items.
 */
public final class RowNormRegularizer implements Regularizer {
  /** @param target t, the squared row norm the penalty pulls towards */
  public record Config(double target) {
    public static final Config DEFAULTS = new Config(1.0);

    public Config {
      Check.positive("target", target);
    }
  }

  public static final PluginFactory<Regularizer, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "row norm: mean of (||x||^2 - target)^2 over the batch's users, plus over its items",
      (config, context) -> new RowNormRegularizer(config.target()));

  private final double target;

  public RowNormRegularizer(double target) {
    this.target = target;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    return meanOverRows(batch.users(), batch.numUniqueUsers(), batch.userGrad(), batch.dim(), weight)
        + meanOverRows(batch.items(), batch.numUniqueItems(), batch.itemGrad(), batch.dim(), weight);
  }

  /** The mean of (||x||^2 - t)^2 over n rows; adds weight * 4 (||x||^2 - t) x / n into each row's gradient. */
  private double meanOverRows(float[] rows, int n, float[] gradient, int dim, double weight) {
    KernelPath kernels = Kernels.path();
    double sum = 0;
    for (int r = 0; r < n; r++) {
      double excess = kernels.dot(rows, r * dim, rows, r * dim, dim) - target;
      sum += excess * excess;
      kernels.axpy((float) (weight * 4 * excess / n), rows, r * dim, gradient, r * dim, dim);
    }
    return sum / n;
  }
}
