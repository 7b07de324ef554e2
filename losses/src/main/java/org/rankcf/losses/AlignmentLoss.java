package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.objective.UnitRows;

/**
 * DirectAU's alignment on its own: the mean over the B pairs of ||u^_b - i^_b||^2 on row-normalised
 * embeddings. With the stable-rank regularizer it is the warm phase of DirectAU. Uses no negatives.
 */
public final class AlignmentLoss implements Loss {
  public static final PluginFactory<Loss, NoConfig> FACTORY = PluginFactory.of(
      NoConfig.class, NoConfig.INSTANCE, "DirectAU alignment: mean ||u^ - i^||^2 over the positive pairs",
      (config, context) -> new AlignmentLoss());

  private final UnitRows users = new UnitRows();
  private final UnitRows items = new UnitRows();

  @Override
  public boolean usesNegatives() {
    return false;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    int size = batch.size();
    int dim = batch.dim();
    users.normalize(batch.users(), batch.numUniqueUsers(), dim);
    items.normalize(batch.items(), batch.numPositiveItems(), dim);
    float[] u = users.unit();
    float[] i = items.unit();
    float[] gu = users.gradient();
    float[] gi = items.gradient();
    float step = 2f / size;
    KernelPath kernels = Kernels.path();
    double sum = 0;
    for (int b = 0; b < size; b++) {
      int user = batch.userRow()[b] * dim;
      int item = batch.positiveRow()[b] * dim;
      sum += kernels.dot(u, user, u, user, dim) + kernels.dot(i, item, i, item, dim)
          - 2.0 * kernels.dot(u, user, i, item, dim);
      // d/du^ = 2 (u^ - i^) / B, d/di^ = -2 (u^ - i^) / B
      kernels.axpy(step, u, user, gu, user, dim);
      kernels.axpy(-step, i, item, gu, user, dim);
      kernels.axpy(step, i, item, gi, item, dim);
      kernels.axpy(-step, u, user, gi, item, dim);
    }
    users.backward(weight, batch.userGrad());
    items.backward(weight, batch.itemGrad());
    return sum / size;
  }
}
