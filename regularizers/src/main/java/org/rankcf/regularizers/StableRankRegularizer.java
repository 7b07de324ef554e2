package org.rankcf.regularizers;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Regularizer;

/**
 * The paper's stable-rank regularizer on a batch: (R(U_b) + R(I_b)) / 2 with R(X) = -srank(X^) / d
 * ({@link StableRankPenalty}) over the batch's unique users and all its unique items, negatives included.
 * The weight g_sr is the one the trainer passes.
 */
public final class StableRankRegularizer implements Regularizer {
  public static final PluginFactory<Regularizer, NoConfig> FACTORY = PluginFactory.of(
      NoConfig.class, NoConfig.INSTANCE,
      "-(srank(U_b^) + srank(I_b^)) / 2d over the batch's unique row-normalised users and items",
      (config, context) -> new StableRankRegularizer());

  private final UserItemMean mean = new UserItemMean(StableRankPenalty::new);

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    return mean.valueAndGradient(batch.users(), batch.numUniqueUsers(), batch.userGrad(),
        batch.items(), batch.numUniqueItems(), batch.itemGrad(), batch.dim(), weight, batch.parallel());
  }
}
