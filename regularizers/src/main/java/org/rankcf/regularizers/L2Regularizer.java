package org.rankcf.regularizers;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Regularizer;

/**
 * L2 penalty on the batch's embeddings as LightGCN's code writes it:
 * 0.5 * sum over the B pairs of (||u_b||^2 + ||i_b||^2 + sum over the N negatives of ||j_bk||^2) / B.
 * A row is counted once per occurrence in the batch, so repeated ids weigh more. Gradient: every
 * occurrence adds row / B.
 *
 * <p>By default the rows are the model's parameters ({@link Batch#userParameters()}), LightGCN's layer-0
 * (ego) embeddings, whose penalty bypasses the propagation; for MF they are the final rows anyway.
 */
public final class L2Regularizer implements Regularizer {
  /** @param propagated penalise the final (propagated) rows instead of the layer-0 ones */
  public record Config(boolean propagated) {
    public static final Config DEFAULTS = new Config(false);
  }

  public static final PluginFactory<Regularizer, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS,
      "LightGCN-style L2 on the layer-0 rows: 0.5 (||u||^2 + ||i||^2 + sum_j ||j||^2) summed over the batch pairs / B",
      (config, context) -> new L2Regularizer(config));

  private final boolean propagated;

  public L2Regularizer(Config config) {
    this.propagated = config.propagated();
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    // the final rows are the batch's gathered copies; the layer-0 rows are read in place by id
    float[] users = propagated ? batch.users() : batch.userParameters().data();
    float[] items = propagated ? batch.items() : batch.itemParameters().data();
    float[] userGrad = propagated ? batch.userGrad() : batch.userParameterGrad();
    float[] itemGrad = propagated ? batch.itemGrad() : batch.itemParameterGrad();
    int[] userRow = propagated ? batch.userRow() : batch.userIds();
    int[] positiveRow = propagated ? batch.positiveRow() : batch.positiveIds();
    int[] negativeRow = propagated ? batch.negativeRow() : batch.negativeIds();
    int size = batch.size();
    int negatives = batch.negatives();
    int dim = batch.dim();
    float scale = (float) (weight / size);
    double sum = 0;
    for (int b = 0; b < size; b++) {
      sum += occurrence(users, userRow[b], userGrad, dim, scale);
      sum += occurrence(items, positiveRow[b], itemGrad, dim, scale);
      for (int k = b * negatives; k < (b + 1) * negatives; k++) {
        sum += occurrence(items, negativeRow[k], itemGrad, dim, scale);
      }
    }
    return 0.5 * sum / size;
  }

  /** ||row||^2 of one occurrence; adds scale * row into its gradient. */
  private static double occurrence(float[] rows, int row, float[] gradient, int dim, float scale) {
    KernelPath kernels = Kernels.path();
    int base = row * dim;
    kernels.axpy(scale, rows, base, gradient, base, dim);
    return kernels.dot(rows, base, rows, base, dim);
  }
}
