package org.rankcf.regularizers;

import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spectral.Spectra;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.util.Parallel;

/**
 * The paper's stable-rank regularizer on a batch: (R(U_b) + R(I_b)) / 2 with R(X) = -srank(X^) / d
 * ({@link StableRankPenalty}) over the batch's unique users and all its unique items, negatives included.
 * The weight g_sr is the one the trainer passes.
 *
 * <p>Laid out for speed: both sides' Grams in one parallel pass, their two eigenpairs on two threads, and
 * both sides' gradients in one parallel pass, each pass cut evenly over the threads.
 */
public final class StableRankRegularizer implements Regularizer {
  public static final PluginFactory<Regularizer, NoConfig> FACTORY = PluginFactory.of(
      NoConfig.class, NoConfig.INSTANCE,
      "-(srank(U_b^) + srank(I_b^)) / 2d over the batch's unique row-normalised users and items",
      (config, context) -> new StableRankRegularizer());

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    int dim = batch.dim();
    int users = batch.numUniqueUsers();
    int[] rows = {users, batch.numUniqueItems()};
    float[][] x = {batch.users(), batch.items()};
    float[][] grads = {batch.userGrad(), batch.itemGrad()};
    float[][] inverseNorms = {new float[rows[0]], new float[rows[1]]};
    Parallel parallel = batch.parallel();
    double[][] grams = Spectra.unitRowGrams(x, inverseNorms, rows, dim, UnitRows.MIN_NORM, parallel);
    StableRankPenalty.Evaluation[] sides = new StableRankPenalty.Evaluation[2];
    parallel.forRange(2, 2, (side, from, to) ->
        sides[side] = StableRankPenalty.evaluate(grams[side], inverseNorms[side], dim, 0.5 * weight));
    // the users' rows, then the items', as one range in a few chunks per thread (see Parallel)
    parallel.forRange(users + rows[1], 4 * parallel.threads(), (chunk, from, to) -> {
      sides[0].addGradient(x[0], Math.min(from, users), Math.min(to, users), grads[0]);
      sides[1].addGradient(x[1], Math.max(from - users, 0), Math.max(to - users, 0), grads[1]);
    });
    return 0.5 * (sides[0].value() + sides[1].value());
  }
}
