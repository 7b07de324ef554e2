package org.rankcf.losses;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.LossState;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.util.Check;

/**
 * SogCLR and SogSL@K (LOSSES.md L7) on cosines: mean_r(-w_r c_pos / t) + mean_r(g^_r / g_new), where
 * g^_r = mean over the row's N negatives of exp(c_neg / t) and g_new = (1 - gamma) g~ + gamma sg(g^_r) is the
 * user's moving average (g~ its stored value, or sg(g^_r) while unset), treated as a constant in the gradient
 * and stored after the step (several rows of one user: the last row's). SogCLR has w_r = 1; SogSL@K
 * has w_r = sg(v_r / mean_r' v_r'), v_r = sigmoid((c_pos - beta_u) / t_w) with SL@K's {@link UserQuantile}.
 * g is kept as log g (unset: -infinity), so that small temperatures do not overflow; both states are
 * checkpointed.
 */
public final class SogClrLoss extends PairScoreLoss implements LossState {
  /**
   * @param temperature t, on raw cosines
   * @param gamma the weight of the batch's new estimate in the moving average
   */
  public record Config(double temperature, double gamma) {
    public static final Config DEFAULTS = new Config(1.0, 0.9);

    public Config {
      Check.positive("temperature", temperature);
      Check.positive("gamma", Check.inRange("gamma", gamma, 0, 1));
    }
  }

  /** SogSL@K's keys: SL@K's and {@code gamma}. Its runs select by NDCG@20 whatever K (as the reference). */
  public record AtKConfig(int k, double temperature, double quantileTemperature, int quantileInterval,
      double gamma) {
    public static final AtKConfig DEFAULTS = new AtKConfig(20, 1.0, 1.0, 20, 0.9);

    public AtKConfig {
      new SoftmaxAtKLoss.Config(k, temperature, quantileTemperature, quantileInterval);
      Check.positive("gamma", Check.inRange("gamma", gamma, 0, 1));
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "SogCLR: -cos(u,i)/temperature + g^/g, g a per-user moving average (gamma) "
          + "of g^ = mean_j exp(cos(u,j)/temperature)",
      (config, context) -> new SogClrLoss(context.data().train(), config.temperature(), config.gamma(), null, 1));

  public static final PluginFactory<Loss, AtKConfig> AT_K_FACTORY = PluginFactory.of(
      AtKConfig.class, AtKConfig.DEFAULTS, "SogSL@K: SogCLR with the positive term weighted as SL@K's (k, "
          + "quantile-temperature, quantile-interval), the weights normalised over the batch",
      (config, context) -> new SogClrLoss(context.data().train(), config.temperature(), config.gamma(),
          new UserQuantile(context.data().train(), config.k(), config.quantileInterval()),
          config.quantileTemperature()));

  private final double inverseTemperature;
  private final double logKeep;
  private final double logGamma;
  private final float[] logG;
  private final UserQuantile quantile;
  private final double inverseQuantileTemperature;
  private float[] rowLogG = new float[0];
  private float[] rowWeight = new float[0];

  SogClrLoss(Interactions train, double temperature, double gamma, UserQuantile quantile,
      double quantileTemperature) {
    super(true, true);
    this.inverseTemperature = 1 / temperature;
    this.logKeep = Math.log1p(-gamma);
    this.logGamma = Math.log(gamma);
    this.logG = new float[train.numUsers()];
    Arrays.fill(logG, Float.NEGATIVE_INFINITY);
    this.quantile = quantile;
    this.inverseQuantileTemperature = 1 / quantileTemperature;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    int size = batch.size();
    if (rowLogG.length < size) {
      rowLogG = new float[size];
      rowWeight = new float[size];
    }
    Arrays.fill(rowWeight, 0, size, 1f);
    if (quantile != null) {
      normalisedWeights(batch);
    }
    return super.valueAndGradient(batch, weight);
  }

  /** SogSL@K's w_r = v_r / mean v, from the positives' cosines of the rows before the step. */
  private void normalisedWeights(Batch batch) {
    KernelPath kernels = Kernels.path();
    int dim = batch.dim();
    float[] users = batch.users();
    float[] items = batch.items();
    double sum = 0;
    for (int b = 0; b < batch.size(); b++) {
      int u = batch.userRow()[b] * dim;
      int i = batch.positiveRow()[b] * dim;
      double cosine = kernels.dot(users, u, items, i, dim) / (norm(kernels, users, u, dim) * norm(kernels, items, i, dim));
      rowWeight[b] = (float) Logits.sigmoid(
          (cosine - quantile.beta(batch.userIds()[b])) * inverseQuantileTemperature);
      sum += rowWeight[b];
    }
    float inverseMean = (float) (batch.size() / sum);
    for (int b = 0; b < batch.size(); b++) {
      rowWeight[b] *= inverseMean;
    }
  }

  private static double norm(KernelPath kernels, float[] x, int from, int dim) {
    return Math.max(Math.sqrt(kernels.dot(x, from, x, from, dim)), UnitRows.MIN_NORM);
  }

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    int negatives = count - 1;
    for (int k = 1; k < count; k++) {
      slopes[offset + k] = (float) (scores[offset + k] * inverseTemperature);
    }
    // slopes become softmax / t: the derivative of log g^ w.r.t. the negatives' cosines
    double logEstimate = Logits.logSumExp(slopes, offset + 1, negatives, slopes, inverseTemperature)
        - Math.log(negatives);
    float stored = logG[batch.userIds()[b]];
    double logPrevious = stored == Float.NEGATIVE_INFINITY ? logEstimate : stored;
    double logNew = logAddExp(logKeep + logPrevious, logGamma + logEstimate);
    rowLogG[b] = (float) logNew;
    double ratio = Math.exp(logEstimate - logNew);
    for (int k = 1; k < count; k++) {
      slopes[offset + k] = (float) (slopes[offset + k] * ratio);
    }
    double positiveWeight = rowWeight[b];
    slopes[offset] = (float) (-positiveWeight * inverseTemperature);
    return -positiveWeight * scores[offset] * inverseTemperature + ratio;
  }

  private static double logAddExp(double a, double b) {
    double max = Math.max(a, b);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
  }

  /** g_new (and SogSL@K's weights) are constants of the gradient. */
  @Override
  public boolean stopsGradients() {
    return true;
  }

  @Override
  public LossState state() {
    return this;
  }

  @Override
  public void startEpoch(int epoch) {
    if (quantile != null) {
      quantile.startEpoch(epoch);
    }
  }

  /**
   * Stores the batch's new g (computed by its rows from the stored one) in row order, so the last row of a
   * user wins; done here, before the next batch, so that evaluating a batch does not change the state.
   */
  @Override
  public void afterStep(Batch batch, Model model) {
    for (int b = 0; b < batch.size(); b++) {
      logG[batch.userIds()[b]] = rowLogG[b];
    }
    if (quantile != null) {
      quantile.afterStep(batch, model);
    }
  }

  @Override
  public Map<String, float[]> arrays() {
    Map<String, float[]> arrays = new LinkedHashMap<>();
    if (quantile != null) {
      arrays.put("beta", quantile.betas());
    }
    arrays.put("log-g", logG);
    return arrays;
  }

  /** log g_u, -infinity while unset (tests). */
  float logG(int user) {
    return logG[user];
  }
}
