package org.rankcf.regularizers;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Regularizer;

/**
 * L2 penalty on the batch's embeddings as LightGCN's code writes it:
 * 0.5 * sum over the B pairs of (||u_b||^2 + ||i_b||^2 + sum over the N negatives of ||j_bk||^2) / B.
 * A row is counted once per occurrence in the batch, so repeated ids weigh more. Gradient: every
 * occurrence adds row / B.
 */
public final class L2Regularizer implements Regularizer {
  public static final PluginFactory<Regularizer, NoConfig> FACTORY = PluginFactory.of(
      NoConfig.class, NoConfig.INSTANCE,
      "LightGCN-style L2: 0.5 (||u||^2 + ||i||^2 + sum_j ||j||^2) summed over the batch pairs / B",
      (config, context) -> new L2Regularizer());

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    int size = batch.size();
    int negatives = batch.negatives();
    int dim = batch.dim();
    float scale = (float) (weight / size);
    double sum = 0;
    for (int b = 0; b < size; b++) {
      sum += occurrence(batch.users(), batch.userRow()[b], batch.userGrad(), dim, scale);
      sum += occurrence(batch.items(), batch.positiveRow()[b], batch.itemGrad(), dim, scale);
      for (int k = b * negatives; k < (b + 1) * negatives; k++) {
        sum += occurrence(batch.items(), batch.negativeRow()[k], batch.itemGrad(), dim, scale);
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
