package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;

/** Hand-computed values, the BSL identity and the small-temperature behaviour of sl, bsl and psl. */
class SoftmaxFamilyTest {
  private static final double EXACT = 1e-6;

  /** User (1, 0); positive (1, 1) at cosine 1/sqrt 2; negatives (3, 0) and (0, 2) at cosines 1 and 0. */
  private static Batch oneRow() {
    return TestBatches.of(new float[][] {{1, 0}}, new float[][] {{1, 1}, {3, 0}, {0, 2}},
        new int[] {0}, new int[] {0}, new int[] {1, 2}, 2);
  }

  @Test
  void softmaxOfOneRowLeavesThePositiveOutOfTheDenominator() {
    double c = Math.sqrt(0.5);
    double expected = Math.log(Math.exp((1 - c) / 0.5) + Math.exp((0 - c) / 0.5));
    assertThat(SoftmaxLoss.create(0.5).valueAndGradient(oneRow(), 1.0)).isCloseTo(expected, within(EXACT));
  }

  @Test
  void bilateralSoftmaxOfOneRow() {
    double c = Math.sqrt(0.5);
    double expected = -c / 0.25 + 0.5 / 0.25 * Math.log(Math.exp(1 / 0.5) + Math.exp(0 / 0.5));
    assertThat(BilateralSoftmaxLoss.create(0.25, 0.5).valueAndGradient(oneRow(), 1.0))
        .isCloseTo(expected, within(EXACT));
  }

  @Test
  void bilateralSoftmaxIsTheScaledSoftmaxInValueAndGradient() {
    double t1 = 0.3;
    double t2 = 0.12;
    Batch bilateral = TestBatches.random(7, 40, 8, 32, 12, 1.0, 5);
    Batch softmax = TestBatches.random(7, 40, 8, 32, 12, 1.0, 5);
    double value = BilateralSoftmaxLoss.create(t1, t2).valueAndGradient(bilateral, 1.0);
    double scaled = t2 / t1 * SoftmaxLoss.create(t2).valueAndGradient(softmax, 1.0);
    assertThat(value).isCloseTo(scaled, within(1e-5 * Math.abs(scaled)));
    assertScaled(bilateral.userGrad(), softmax.userGrad(), t2 / t1);
    assertScaled(bilateral.itemGrad(), softmax.itemGrad(), t2 / t1);
  }

  private static void assertScaled(float[] actual, float[] base, double factor) {
    double largest = 0;
    for (float g : base) {
      largest = Math.max(largest, Math.abs(factor * g));
    }
    assertThat(largest).isGreaterThan(0);
    for (int t = 0; t < actual.length; t++) {
      assertThat((double) actual[t]).as("entry %d", t).isCloseTo(factor * base[t], within(1e-5 * largest));
    }
  }

  @Test
  void softmaxStaysFiniteAtTinyTemperatures() {
    // positive at cosine -1, both negatives at +1: log(2 e^(2 / t)) = 2 / t + log 2, e^2000 overflows a double
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{-1, 0}, {2, 0}, {5, 0}},
        new int[] {0}, new int[] {0}, new int[] {1, 2}, 2);
    double t = 0.001;
    assertThat(SoftmaxLoss.create(t).valueAndGradient(batch, 1.0)).isCloseTo(2 / t + Math.log(2), within(1e-9 / t));
    for (float g : batch.userGrad()) {
      assertThat(Float.isFinite(g)).isTrue();
    }
    for (float g : batch.itemGrad()) {
      assertThat(Float.isFinite(g)).isTrue();
    }
  }

  @Test
  void pairwiseSoftmaxOfOneRowPerActivation() {
    double c = Math.sqrt(0.5);
    double d1 = (1 - c) / 2;
    double d2 = (0 - c) / 2;
    double t = 0.5;
    assertThat(psl("tanh", t)).isCloseTo(Math.log(Math.pow(1 + Math.tanh(d1), 2) + Math.pow(1 + Math.tanh(d2), 2)),
        within(EXACT));
    assertThat(psl("atan", t)).isCloseTo(Math.log(Math.pow(1 + Math.atan(d1), 2) + Math.pow(1 + Math.atan(d2), 2)),
        within(EXACT));
    assertThat(psl("relu", t)).isCloseTo(Math.log(Math.pow(1 + d1, 2) + Math.pow(1 + d2, 2)), within(EXACT));
  }

  private static double psl(String activation, double temperature) {
    return new PairwiseSoftmaxLoss(new PairwiseSoftmaxLoss.Config(activation, temperature))
        .valueAndGradient(oneRow(), 1.0);
  }

  @Test
  void reluDropsANegativeAtHalfCosineDifferenceMinusOne() {
    // positive at cosine 1, negative (-3, 0) at -1 (d = -1, phi = 0) and (0, 1) at 0 (d = -1/2): log 0.5^(1/t)
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{2, 0}, {-3, 0}, {0, 1}},
        new int[] {0}, new int[] {0}, new int[] {1, 2}, 2);
    double value = new PairwiseSoftmaxLoss(new PairwiseSoftmaxLoss.Config("relu", 0.5)).valueAndGradient(batch, 1.0);
    assertThat(value).isCloseTo(2 * Math.log(0.5), within(EXACT));
    // the dropped negative gets no gradient; the others stay finite
    for (int t = 2; t < 4; t++) {
      assertThat(batch.itemGrad()[t]).isZero();
    }
    for (float g : batch.userGrad()) {
      assertThat(Float.isFinite(g)).isTrue();
    }
  }

  @Test
  void configsNameTheirKeys() {
    assertThatThrownBy(() -> new SoftmaxLoss.Config(0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("temperature"));
    assertThatThrownBy(() -> new BilateralSoftmaxLoss.Config(1, -1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("temperature-negative"));
    assertThatThrownBy(() -> new PairwiseSoftmaxLoss.Config("sigmoid", 1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("activation"));
  }
}
