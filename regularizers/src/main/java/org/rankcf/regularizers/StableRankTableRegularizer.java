package org.rankcf.regularizers;

import org.rankcf.framework.objective.UserItemMean;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Regularizer;

/**
 * The stable-rank regularizer on the whole tables instead of the batch rows: (R(E_U) + R(E_I)) / 2 with
 * R(X) = -srank(X^) / d, its gradient added into the batch's full-table gradients. O((n_U + n_I) d^2) per
 * step.
 */
public final class StableRankTableRegularizer implements Regularizer {
  public static final PluginFactory<Regularizer, NoConfig> FACTORY = PluginFactory.of(
      NoConfig.class, NoConfig.INSTANCE,
      "-(srank(E_U^) + srank(E_I^)) / 2d over the full row-normalised tables",
      (config, context) -> new StableRankTableRegularizer());

  private final UserItemMean mean = new UserItemMean(StableRankPenalty::new);

  @Override
  public boolean readsWholeTables() {
    return true;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    EmbeddingTable users = batch.userTable();
    EmbeddingTable items = batch.itemTable();
    return mean.valueAndGradient(users.data(), users.rows(), batch.userTableGrad(),
        items.data(), items.rows(), batch.itemTableGrad(), batch.dim(), weight, batch.parallel());
  }
}
