package org.rankcf.losses;

import java.util.List;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.ParameterGroup;
import org.rankcf.framework.spi.ParameterizedLoss;
import org.rankcf.framework.util.Check;

/**
 * LLPAUC (IR-Benchmark's {@code optim_LLPAUC}, LOSSES.md §L5): a surrogate of the lower-left partial AUC
 * over p = σ(x_pos) and q = σ(x_neg), x the dot product, with seven scalars of its own:
 *
 * <pre>
 *   A_r = 2(1+γ)p_r - (p_r - a)^2 - s+          C_rk = (q_rk - b)^2 + 2(1+γ)q_rk - s-
 *   L = -s+ - mean_r ρ(A_r)/α + s- + mean_rk ρ(C_rk)/β - γ^2 + θa(a+γ) + θb(γ+1-b),   ρ(z) = softplus(κz)/κ, κ = 5
 * </pre>
 *
 * As the reference code does, every parameter is descended (its "ascent" optimiser is built with maximise
 * off): a, b, θa, θb at the run's lr, s+, s-, γ at 2 lr, all with the run's weight decay; after each step a,
 * b, s+, s- are clipped to [0,1], [0,1], [-1,4], [0,5] and then γ to [max(-a, b-1), 1] with the new a, b.
 * The reference also starts both embedding tables from N(0, 0.01^2): a preset must set
 * {@code model: {init: normal, init-std: 0.01}}, this loss does not touch the model.
 */
public final class LlpaucLoss extends PairScoreLoss implements ParameterizedLoss {
  /**
   * @param alpha α, the weight 1/α of the positives' term (the partial-AUC's true-positive-rate bound)
   * @param beta β, the weight 1/β of the negatives' term (its false-positive-rate bound)
   */
  public record Config(double alpha, double beta) {
    public static final Config DEFAULTS = new Config(0.7, 0.1);

    public Config {
      Check.inRange("alpha", alpha, Double.MIN_VALUE, 1);
      Check.inRange("beta", beta, Double.MIN_VALUE, 1);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "LLPAUC: partial-AUC surrogate on sigmoid scores with 7 scalars of its own",
      (config, context) -> new LlpaucLoss(config));

  static final double KAPPA = 5;
  /** Rows of the group at lr. */
  static final int A = 0;
  static final int B = 1;
  static final int THETA_A = 2;
  static final int THETA_B = 3;
  /** Rows of the group at 2 lr. */
  static final int S_POS = 0;
  static final int S_NEG = 1;
  static final int GAMMA = 2;
  private static final LossPass STEP = new LossPass("step", true, true);
  /** Per-pair sums for the scalars' gradients: Σ ρ'(A), Σ ρ'(A)(p-a), Σ ρ'(A)p, then the same over C with q, b. */
  private static final int SUMS = 6;

  private final double alpha;
  private final double beta;
  private final EmbeddingTable atLr = new EmbeddingTable(4, 1, new float[] {1, 0, 0.5f, 0.5f});
  private final EmbeddingTable atDoubleLr = new EmbeddingTable(3, 1, new float[] {0.5f, 0.5f, 0});
  private final ParameterGroup plain = ParameterGroup.of("llpauc-a-b-theta", List.of(atLr), lr -> lr, false);
  private final ParameterGroup doubled = ParameterGroup.of("llpauc-s-gamma", List.of(atDoubleLr), lr -> 2 * lr, false);
  private double[] sums = new double[0];
  private double a;
  private double b;
  private double sPos;
  private double sNeg;
  private double gamma;

  public LlpaucLoss(Config config) {
    super(false, true);
    this.alpha = config.alpha();
    this.beta = config.beta();
  }

  @Override
  public List<ParameterGroup> parameterGroups() {
    return List.of(plain, doubled);
  }

  @Override
  public List<LossPass> passes(int epoch) {
    return List.of(STEP);
  }

  @Override
  public double valueAndGradient(Batch batch, double weight, LossPass pass) {
    return valueAndGradient(batch, weight);
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    float[] p = atLr.data();
    float[] d = atDoubleLr.data();
    a = p[A];
    b = p[B];
    sPos = d[S_POS];
    sNeg = d[S_NEG];
    gamma = d[GAMMA];
    double thetaA = p[THETA_A];
    double thetaB = p[THETA_B];
    if (sums.length < batch.size() * SUMS) {
      sums = new double[batch.size() * SUMS];
    }
    double value = super.valueAndGradient(batch, weight);
    double[] total = new double[SUMS];
    for (int r = 0; r < batch.size(); r++) {
      for (int s = 0; s < SUMS; s++) {
        total[s] += sums[r * SUMS + s];
      }
    }
    double rows = batch.size();
    double cells = rows * batch.negatives();
    float[] gp = plain.gradients().get(0);
    float[] gd = doubled.gradients().get(0);
    gp[A] += (float) (weight * (-2 * total[1] / (alpha * rows) + thetaA));
    gp[B] += (float) (weight * (-2 * total[4] / (beta * cells) - thetaB));
    gp[THETA_A] += (float) (weight * (a + gamma));
    gp[THETA_B] += (float) (weight * (gamma + 1 - b));
    gd[S_POS] += (float) (weight * (-1 + total[0] / (alpha * rows)));
    gd[S_NEG] += (float) (weight * (1 - total[3] / (beta * cells)));
    gd[GAMMA] += (float) (weight * (-2 * total[2] / (alpha * rows) + 2 * total[5] / (beta * cells) - 2 * gamma
        + thetaA + thetaB));
    return value - sPos + sNeg - gamma * gamma + thetaA * (a + gamma) + thetaB * (gamma + 1 - b);
  }

  @Override
  protected double pairLoss(Batch batch, int r, float[] scores, int offset, int count, float[] slopes) {
    int negatives = count - 1;
    int at = r * SUMS;
    double p = Logits.sigmoid(scores[offset]);
    double A = 2 * (1 + gamma) * p - (p - a) * (p - a) - sPos;
    double weightA = Logits.sigmoid(KAPPA * A);
    double value = -rho(A) / alpha;
    slopes[offset] = (float) (-weightA * (2 * (1 + gamma) - 2 * (p - a)) / alpha * p * (1 - p));
    sums[at] = weightA;
    sums[at + 1] = weightA * (p - a);
    sums[at + 2] = weightA * p;
    double sumC = 0;
    double sumCq = 0;
    double sumCqb = 0;
    for (int k = 1; k < count; k++) {
      double q = Logits.sigmoid(scores[offset + k]);
      double c = (q - b) * (q - b) + 2 * (1 + gamma) * q - sNeg;
      double weightC = Logits.sigmoid(KAPPA * c);
      value += rho(c) / (beta * negatives);
      slopes[offset + k] = (float) (weightC * (2 * (q - b) + 2 * (1 + gamma)) / (beta * negatives) * q * (1 - q));
      sumC += weightC;
      sumCq += weightC * q;
      sumCqb += weightC * (q - b);
    }
    sums[at + 3] = sumC;
    sums[at + 4] = sumCqb;
    sums[at + 5] = sumCq;
    return value;
  }

  /** ρ(z) = log(1 + e^{κz}) / κ. */
  private static double rho(double z) {
    return Logits.softplus(KAPPA * z) / KAPPA;
  }

  @Override
  public void afterParameterStep() {
    float[] p = atLr.data();
    float[] d = atDoubleLr.data();
    p[A] = clip(p[A], 0, 1);
    p[B] = clip(p[B], 0, 1);
    d[S_POS] = clip(d[S_POS], -1, 4);
    d[S_NEG] = clip(d[S_NEG], 0, 5);
    d[GAMMA] = clip(d[GAMMA], Math.max(-p[A], p[B] - 1), 1);
  }

  private static float clip(float value, float lo, float hi) {
    return Math.max(lo, Math.min(hi, value));
  }
}
