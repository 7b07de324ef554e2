package org.rankcf.losses;

import java.util.List;
import java.util.SplittableRandom;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.plugin.PluginContext;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.ParameterGroup;
import org.rankcf.framework.spi.ParameterizedLoss;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * AdvInfoNCE (IR-Benchmark's {@code optim_AdvInfoNCE}, LOSSES.md §L4): InfoNCE on cosines c with the
 * positive in the denominator, each negative weighted by an adversary's hardness δ:
 *
 * <pre>
 *   a_rk = cos(G_u, H_j),  δ_rk = N softmax_k(a_rk),  L_r = softplus(log w + LSE_k((c_rk - c+_r)/τ + log δ_rk))
 * </pre>
 *
 * G (users x d) and H (items x d) are the adversary's own tables, N(0,1) from a stream of the run's seed. Epoch
 * e is adversarial iff (e + 1) mod E_adv = 0: its steps take an Adam ascent step on G and H only (at the
 * fixed adversary-lr, with the run's coupled weight decay) and leave the model frozen; every other epoch
 * steps the model and leaves G and H frozen. Value and gradients are taken in the log domain, so small
 * temperatures do not overflow.
 */
public final class AdvInfoNceLoss extends PairScoreLoss implements ParameterizedLoss {
  /**
   * @param temperature τ, on raw cosines (IR-Benchmark's code and the SL@K paper's convention)
   * @param negativeWeight w, the weight of the negatives' sum against the positive (64 in the papers)
   * @param adversaryLr the adversary's learning rate, whatever the run's (5e-5 in the papers)
   * @param adversarialEvery E_adv: every E_adv-th epoch is adversarial (5 in the papers; 1 would never step
   *     the model)
   */
  public record Config(double temperature, double negativeWeight, double adversaryLr, int adversarialEvery) {
    public static final Config DEFAULTS = new Config(0.2, 64, 5e-5, 5);

    public Config {
      Check.positive("temperature", temperature);
      Check.positive("negative-weight", negativeWeight);
      Check.positive("adversary-lr", adversaryLr);
      if (adversarialEvery < 2) {
        throw new ConfigException("adversarial-every", "must be >= 2: every epoch adversarial would never step "
            + "the model (got " + adversarialEvery + ")");
      }
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS,
      "AdvInfoNCE: InfoNCE on cosines with adversarial negative weights (own tables, ascent every E_adv-th epoch)",
      AdvInfoNceLoss::new);

  private static final LossPass MODEL = new LossPass("model", true, false);
  private static final LossPass ADVERSARY = new LossPass("adversary", false, true);
  /** Separates the adversary's stream from the model's initialisation, which draws from the run's seed. */
  private static final long ADVERSARY_STREAM = 0x41647649L;

  private final double inverseTemperature;
  private final double logNegativeWeight;
  private final int adversarialEvery;
  private final EmbeddingTable g;
  private final EmbeddingTable h;
  private final ParameterGroup adversary;
  /** Per batch slot, 1 / ||G_u|| and 1 / ||H_j||. */
  private float[] userInverseNorm = new float[0];
  private float[] itemInverseNorm = new float[0];
  /** a_rk, then d L_r / d a_rk, at r * N + k. */
  private float[] hardness = new float[0];
  private float[] hardnessSlope = new float[0];

  public AdvInfoNceLoss(Config config, PluginContext context) {
    super(true, true);
    this.inverseTemperature = 1 / config.temperature();
    this.logNegativeWeight = Math.log(config.negativeWeight());
    this.adversarialEvery = config.adversarialEvery();
    this.g = new EmbeddingTable(context.data().numUsers(), context.dim());
    this.h = new EmbeddingTable(context.data().numItems(), context.dim());
    SplittableRandom random = new SplittableRandom(context.seed() ^ ADVERSARY_STREAM);
    Initializer.PAPER.fill(g, random);
    Initializer.PAPER.fill(h, random);
    double adversaryLr = config.adversaryLr();
    this.adversary = ParameterGroup.of("advinfonce-adversary", List.of(g, h), lr -> adversaryLr, true);
  }

  @Override
  public List<ParameterGroup> parameterGroups() {
    return List.of(adversary);
  }

  @Override
  public List<LossPass> passes(int epoch) {
    return List.of((epoch + 1) % adversarialEvery == 0 ? ADVERSARY : MODEL);
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    return value(batch, weight, true);
  }

  @Override
  public double valueAndGradient(Batch batch, double weight, LossPass pass) {
    return value(batch, weight, pass.stepsOwnParameters());
  }

  private double value(Batch batch, double weight, boolean adversaryGradient) {
    int cells = batch.size() * batch.negatives();
    if (hardness.length < cells) {
      hardness = new float[cells];
      hardnessSlope = new float[cells];
    }
    userInverseNorm = inverseNorms(g, batch.uniqueUserIds(), batch.numUniqueUsers(), userInverseNorm);
    itemInverseNorm = inverseNorms(h, batch.uniqueItemIds(), batch.numUniqueItems(), itemInverseNorm);
    double value = super.valueAndGradient(batch, weight);
    if (adversaryGradient) {
      float scale = (float) (weight / batch.size());
      batch.parallel().forRange(2, 2, (side, from, to) -> adversaryBackward(batch, side == 0, scale));
    }
    return value;
  }

  private static float[] inverseNorms(EmbeddingTable table, int[] ids, int count, float[] into) {
    float[] out = into.length < count ? new float[count] : into;
    KernelPath kernels = Kernels.path();
    int dim = table.dim();
    for (int s = 0; s < count; s++) {
      int base = ids[s] * dim;
      out[s] = (float) (1 / Math.max(Math.sqrt(kernels.dot(table.data(), base, table.data(), base, dim)),
          UnitRows.MIN_NORM));
    }
    return out;
  }

  @Override
  protected double pairLoss(Batch batch, int r, float[] scores, int offset, int count, float[] slopes) {
    KernelPath kernels = Kernels.path();
    int negatives = count - 1;
    int cell = r * negatives;
    int dim = g.dim();
    int userSlot = batch.userRow()[r];
    int user = batch.userIds()[r] * dim;
    for (int k = 0; k < negatives; k++) {
      int itemSlot = batch.negativeRow()[cell + k];
      int item = batch.negativeIds()[cell + k] * dim;
      hardness[cell + k] = kernels.dot(g.data(), user, h.data(), item, dim)
          * userInverseNorm[userSlot] * itemInverseNorm[itemSlot];
    }
    // log δ_k = log N + a_k - LSE(a); softmax(a) goes to hardnessSlope for now
    double logSumA = Logits.logSumExp(hardness, cell, negatives, hardnessSlope, 1.0);
    double logN = Math.log(negatives);
    double positive = scores[offset];
    for (int k = 1; k < count; k++) {
      slopes[offset + k] = (float) ((scores[offset + k] - positive) * inverseTemperature
          + logN + hardness[cell + k - 1] - logSumA);
    }
    // the z_k's softmax π replaces them in slopes
    double lse = Logits.logSumExp(slopes, offset + 1, negatives, slopes, 1.0);
    double margin = logNegativeWeight + lse;
    double omega = Logits.sigmoid(margin);
    for (int k = 1; k < count; k++) {
      double pi = slopes[offset + k];
      hardnessSlope[cell + k - 1] = (float) (omega * (pi - hardnessSlope[cell + k - 1]));
      slopes[offset + k] = (float) (omega * pi * inverseTemperature);
    }
    slopes[offset] = (float) (-omega * inverseTemperature);
    return Logits.softplus(margin);
  }

  /**
   * d a / d G_u = (H^_j - a G^_u) / ||G_u|| and d a / d H_j = (G^_u - a H^_j) / ||H_j||, times each cell's
   * slope; the G side and the H side are two tasks, each adding in pair order.
   */
  private void adversaryBackward(Batch batch, boolean userSide, float scale) {
    KernelPath kernels = Kernels.path();
    int dim = g.dim();
    int negatives = batch.negatives();
    float[] gData = g.data();
    float[] hData = h.data();
    float[] gradient = adversary.gradients().get(userSide ? 0 : 1);
    for (int r = 0; r < batch.size(); r++) {
      int user = batch.userIds()[r] * dim;
      float userInverse = userInverseNorm[batch.userRow()[r]];
      for (int k = 0; k < negatives; k++) {
        int cell = r * negatives + k;
        float slope = scale * hardnessSlope[cell];
        if (slope == 0f) {
          continue;
        }
        int item = batch.negativeIds()[cell] * dim;
        float itemInverse = itemInverseNorm[batch.negativeRow()[cell]];
        float a = hardness[cell];
        if (userSide) {
          kernels.axpy(slope * userInverse * itemInverse, hData, item, gradient, user, dim);
          kernels.axpy(-slope * a * userInverse * userInverse, gData, user, gradient, user, dim);
        } else {
          kernels.axpy(slope * userInverse * itemInverse, gData, user, gradient, item, dim);
          kernels.axpy(-slope * a * itemInverse * itemInverse, hData, item, gradient, item, dim);
        }
      }
    }
  }
}
