package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.GradientCheck.ReferenceValue;
import org.rankcf.framework.testing.TestBatches;

/** SogCLR and SogSL@K: gradients with the moving average and the weights held constant, and the state. */
class SogClrLossTest {
  private static final double T = 0.5;
  private static final double GAMMA = 0.7;

  private static Interactions train() {
    int[] users = {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5};
    int[] items = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2};
    return Interactions.fromPairs(6, 9, users, items);
  }

  /** g^_r = mean over the row's negatives of exp(c_neg / t), at the given rows. */
  private static double estimate(Batch batch, double[] users, double[] items, int b) {
    double sum = 0;
    for (int k = 0; k < batch.negatives(); k++) {
      sum += Math.exp(LossReferences.cosine(batch, users, items, b, k + 1) / T);
    }
    return sum / batch.negatives();
  }

  private static double[] doubles(float[] values) {
    double[] out = new double[values.length];
    for (int t = 0; t < values.length; t++) {
      out[t] = values[t];
    }
    return out;
  }

  /** g_new of every row from the batch's rows as they are and the stored g (null: unset). */
  private static double[] movingAverages(Batch batch, Double[] stored) {
    double[] users = doubles(batch.users());
    double[] items = doubles(batch.items());
    double[] next = new double[batch.size()];
    for (int b = 0; b < batch.size(); b++) {
      double estimate = estimate(batch, users, items, b);
      Double previous = stored[batch.userIds()[b]];
      next[b] = (1 - GAMMA) * (previous == null ? estimate : previous) + GAMMA * estimate;
    }
    return next;
  }

  private static ReferenceValue reference(Batch batch, double[] movingAverage, double[] positiveWeight) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        sum += -positiveWeight[b] * LossReferences.cosine(batch, users, items, b, 0) / T
            + estimate(batch, users, items, b) / movingAverage[b];
      }
      return sum / batch.size();
    };
  }

  @Test
  void sogClrGradientHoldsTheMovingAverageConstant() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 41);
    SogClrLoss loss = new SogClrLoss(train(), T, GAMMA, null, 1);
    // a first step sets g of the batch's users; the second sees a stored g for them
    Batch first = TestBatches.repeatingIds(3, 0.7, 42);
    loss.valueAndGradient(first, 1.0);
    loss.afterStep(first, null);
    Double[] stored = new Double[6];
    for (int u = 0; u < 6; u++) {
      stored[u] = loss.logG(u) == Float.NEGATIVE_INFINITY ? null : Math.exp(loss.logG(u));
    }
    double[] ones = new double[batch.size()];
    Arrays.fill(ones, 1);
    GradientCheck.assertGradientMatches(loss, batch, reference(batch, movingAverages(batch, stored), ones), 1e-4,
        1e-3);
  }

  @Test
  void theMovingAverageIsStoredAfterTheStepTheLastRowOfAUserWinning() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 43);
    SogClrLoss loss = new SogClrLoss(train(), T, GAMMA, null, 1);
    double value = loss.valueAndGradient(batch, 1.0);
    assertThat(loss.logG(batch.userIds()[0])).as("unset until the step is done").isEqualTo(Float.NEGATIVE_INFINITY);
    loss.afterStep(batch, null);
    double[] next = movingAverages(batch, new Double[6]);
    for (int b = 0; b < batch.size(); b++) {
      int user = batch.userIds()[b];
      boolean last = true;
      for (int later = b + 1; later < batch.size(); later++) {
        last &= batch.userIds()[later] != user;
      }
      if (last) {
        assertThat(Math.exp(loss.logG(user))).isCloseTo(next[b], within(1e-5 * next[b]));
      }
    }
    // unset users start from the batch's own estimate: every ratio g^ / g_new is 1
    double[] users = doubles(batch.users());
    double[] items = doubles(batch.items());
    double expected = 0;
    for (int b = 0; b < batch.size(); b++) {
      expected += -LossReferences.cosine(batch, users, items, b, 0) / T + 1;
    }
    assertThat(value).isCloseTo(expected / batch.size(), within(1e-5));
  }

  @Test
  void tinyTemperaturesStayFinite() {
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{-1, 0}, {2, 0}, {5, 0}},
        new int[] {0}, new int[] {0}, new int[] {1, 2}, 2);
    SogClrLoss loss = new SogClrLoss(Interactions.fromPairs(1, 3, new int[] {0}, new int[] {0}), 0.001, GAMMA, null, 1);
    assertThat(loss.valueAndGradient(batch, 1.0)).isCloseTo(1 / 0.001 + 1, within(1e-6));
    loss.afterStep(batch, null);
    assertThat((double) loss.logG(0)).isCloseTo(1 / 0.001, within(1e-3));
  }

  @Test
  void sogSlAtKWeightsThePositivesByTheirNormalisedQuantileWeights() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 44);
    UserQuantile quantile = new UserQuantile(train(), 2, 5);
    for (int u = 0; u < 6; u++) {
      quantile.betas()[u] = 0.1f * u - 0.2f;
    }
    SogClrLoss loss = new SogClrLoss(train(), T, GAMMA, quantile, 0.4);
    double[] users = doubles(batch.users());
    double[] items = doubles(batch.items());
    double[] weights = new double[batch.size()];
    double sum = 0;
    for (int b = 0; b < batch.size(); b++) {
      double cosine = LossReferences.cosine(batch, users, items, b, 0);
      weights[b] = 1 / (1 + Math.exp(-(cosine - quantile.beta(batch.userIds()[b])) / 0.4));
      sum += weights[b];
    }
    for (int b = 0; b < batch.size(); b++) {
      weights[b] *= batch.size() / sum;
    }
    GradientCheck.assertGradientMatches(loss, batch, reference(batch, movingAverages(batch, new Double[6]), weights),
        1e-4, 1e-3);
    assertThat(loss.arrays()).containsOnlyKeys("beta", "log-g");
  }
}
