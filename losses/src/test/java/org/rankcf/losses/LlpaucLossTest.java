package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.spi.ParameterGroup;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;

class LlpaucLossTest {
  private static final LlpaucLoss.Config CONFIG = new LlpaucLoss.Config(0.7, 0.1);
  /** a, b, θa, θb, s+, s-, γ away from their initial values, so that every term of the gradient is exercised. */
  private static final double[] SCALARS = {0.8, 0.1, 0.3, 0.6, 0.2, 0.7, 0.15};

  @Test
  void valueOfOnePairAtTheInitialScalars() {
    // x_pos = 2, x_neg = -1: p = σ(2), q = σ(-1); a 1, b 0, s+ s- 0.5, γ 0, θ 0.5 (the reference's initial values)
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{2, 0}, {-1, 0}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    LlpaucLoss loss = new LlpaucLoss(CONFIG);
    assertThat(loss.valueAndGradient(batch, 1.0)).isCloseTo(1.2297951046362074, within(1e-6));
    // dL/ds+ = -1 + σ(κA)/α and dL/ds- = 1 - σ(κC)/β, by hand from A = 1.2473848, C = 0.1102123
    float[] doubled = loss.parameterGroups().get(1).gradients().get(0);
    assertThat((double) doubled[LlpaucLoss.S_POS]).isCloseTo(0.4257827937239136, within(1e-6));
    assertThat((double) doubled[LlpaucLoss.S_NEG]).isCloseTo(-5.343818678383877, within(1e-5));
  }

  @Test
  void rowGradientMatchesFiniteDifferences() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 42);
    LlpaucLoss loss = withScalars(SCALARS);
    GradientCheck.assertGradientMatches(loss, batch, (users, items) -> reference(batch, users, items, SCALARS),
        1e-5, 1e-4);
  }

  @Test
  void scalarGradientsMatchFiniteDifferences() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 43);
    LlpaucLoss loss = withScalars(SCALARS);
    loss.valueAndGradient(batch, 1.0);
    double[] users = LossReferences.toDouble(batch.users());
    double[] items = LossReferences.toDouble(batch.items());
    double[] analytic = new double[7];
    float[] plain = loss.parameterGroups().get(0).gradients().get(0);
    float[] doubled = loss.parameterGroups().get(1).gradients().get(0);
    for (int s = 0; s < 4; s++) {
      analytic[s] = plain[s];
    }
    for (int s = 0; s < 3; s++) {
      analytic[4 + s] = doubled[s];
    }
    double h = 1e-6;
    for (int s = 0; s < 7; s++) {
      double[] up = SCALARS.clone();
      double[] down = SCALARS.clone();
      up[s] += h;
      down[s] -= h;
      double numeric = (reference(batch, users, items, up) - reference(batch, users, items, down)) / (2 * h);
      assertThat(analytic[s]).as("scalar %d", s).isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
    }
  }

  @Test
  void clippingBoundsGammaByTheNewAAndB() {
    // a 1.5 and b -0.2 are clipped to 1 and 0 first, so γ's lower bound is max(-1, -1) = -1 and γ -2 becomes -1;
    // s+ 7 and s- -1 go to the ends of [-1, 4] and [0, 5]
    LlpaucLoss loss = withScalars(new double[] {1.5, -0.2, 0.3, 0.6, 7, -1, -2});
    loss.afterParameterStep();
    assertThat(scalars(loss)).containsExactly(1f, 0f, 0.3f, 0.6f, 4f, 0f, -1f);
    // a = 0.3, b = 0.9: γ's lower bound is max(-0.3, -0.1) = -0.1
    LlpaucLoss tight = withScalars(new double[] {0.3, 0.9, 0, 0, 0, 0, -0.5});
    tight.afterParameterStep();
    assertThat(scalars(tight)[6]).isCloseTo(-0.1f, within(1e-7f));
    LlpaucLoss high = withScalars(new double[] {0.3, 0.9, 0, 0, 0, 0, 3});
    high.afterParameterStep();
    assertThat(scalars(high)[6]).isEqualTo(1f);
  }

  @Test
  void theDoubledGroupStepsAtTwiceTheRunsRateAndBothDescend() {
    List<ParameterGroup> groups = new LlpaucLoss(CONFIG).parameterGroups();
    assertThat(groups.get(0).learningRate().applyAsDouble(0.1)).isEqualTo(0.1);
    assertThat(groups.get(1).learningRate().applyAsDouble(0.1)).isEqualTo(0.2);
    assertThat(groups).noneMatch(ParameterGroup::ascent);
  }

  @Test
  void alphaAndBetaAreFractions() {
    assertThatThrownBy(() -> new LlpaucLoss.Config(0, 0.1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("alpha"));
    assertThatThrownBy(() -> new LlpaucLoss.Config(0.7, 1.5))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("beta"));
  }

  /** LOSSES.md §L5 in double, straight from the formula; scalars a, b, θa, θb, s+, s-, γ. */
  private static double reference(Batch batch, double[] users, double[] items, double[] scalars) {
    double a = scalars[0];
    double b = scalars[1];
    double thetaA = scalars[2];
    double thetaB = scalars[3];
    double sPos = scalars[4];
    double sNeg = scalars[5];
    double gamma = scalars[6];
    double positives = 0;
    double negatives = 0;
    int n = batch.negatives();
    for (int r = 0; r < batch.size(); r++) {
      double p = LossReferences.sigmoid(LossReferences.score(batch, users, items, r, 0));
      positives += rho(2 * (1 + gamma) * p - (p - a) * (p - a) - sPos);
      for (int k = 0; k < n; k++) {
        double q = LossReferences.sigmoid(LossReferences.score(batch, users, items, r, 1 + k));
        negatives += rho((q - b) * (q - b) + 2 * (1 + gamma) * q - sNeg);
      }
    }
    return -sPos - positives / batch.size() / 0.7 + sNeg + negatives / (batch.size() * n) / 0.1
        - gamma * gamma + thetaA * (a + gamma) + thetaB * (gamma + 1 - b);
  }

  private static LlpaucLoss withScalars(double[] scalars) {
    LlpaucLoss loss = new LlpaucLoss(CONFIG);
    float[] plain = loss.parameterGroups().get(0).tables().get(0).data();
    float[] doubled = loss.parameterGroups().get(1).tables().get(0).data();
    for (int s = 0; s < 4; s++) {
      plain[s] = (float) scalars[s];
    }
    for (int s = 0; s < 3; s++) {
      doubled[s] = (float) scalars[4 + s];
    }
    return loss;
  }

  private static float[] scalars(LlpaucLoss loss) {
    float[] plain = loss.parameterGroups().get(0).tables().get(0).data();
    float[] doubled = loss.parameterGroups().get(1).tables().get(0).data();
    return new float[] {plain[0], plain[1], plain[2], plain[3], doubled[0], doubled[1], doubled[2]};
  }

  private static double rho(double z) {
    return Math.log1p(Math.exp(LlpaucLoss.KAPPA * z)) / LlpaucLoss.KAPPA;
  }
}
