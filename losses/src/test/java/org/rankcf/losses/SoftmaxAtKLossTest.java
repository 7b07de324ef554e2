package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.GradientCheck.ReferenceValue;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;

/** SL@K: its gradient with the weight differentiated, its quantile state and its update schedule. */
class SoftmaxAtKLossTest {
  /** Users 0..5 over items 0..8: user u trained on items u, u + 1, u + 2 (and user 0 also on 3 .. 8). */
  private static Interactions train() {
    int[] users = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5};
    int[] items = {0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6, 5, 6, 7};
    return Interactions.fromPairs(6, 9, users, items);
  }

  @Test
  void percentileInterpolatesLinearlyAsNumpy() {
    // degrees 9, 3, 3, 3, 3, 3: sorted, position 0.9 * 5 = 4.5 between 3 and 9: 6.0
    assertThat(UserQuantile.percentile90(train())).isEqualTo(6.0);
    assertThat(new UserQuantile(train(), 2, 1).truncatedLength(0)).isEqualTo(6);
    assertThat(new UserQuantile(train(), 2, 1).truncatedLength(3)).isEqualTo(3);
  }

  @Test
  void gradientWithTheWeightDifferentiated() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 31);
    UserQuantile quantile = new UserQuantile(train(), 2, 5);
    for (int u = 0; u < 6; u++) {
      quantile.betas()[u] = 0.3f * (u - 2.5f) / 2.5f;
    }
    SoftmaxAtKLoss loss = new SoftmaxAtKLoss(new SoftmaxAtKLoss.Config(2, 0.5, 0.4, 5), quantile);
    GradientCheck.assertGradientMatches(loss, batch, reference(batch, quantile, 0.5, 0.4), 1e-4, 1e-3);
  }

  private static ReferenceValue reference(Batch batch, UserQuantile quantile, double t, double tw) {
    ReferenceValue softmax = LossReferences.softmax(batch, t);
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        double positive = LossReferences.cosine(batch, users, items, b, 0);
        double weight = 1 / (1 + Math.exp(-(positive - quantile.beta(batch.userIds()[b])) / tw));
        double negatives = 0;
        for (int k = 0; k < batch.negatives(); k++) {
          negatives += Math.exp((LossReferences.cosine(batch, users, items, b, k + 1) - positive) / t);
        }
        sum += weight * Math.log(negatives);
      }
      return sum / batch.size();
    };
  }

  @Test
  void betaIsTheKthLargestOfTheTruncatedPositivesAndTheRowsNegatives() {
    // 2-d embeddings: user 1 at angle 0; item j at angle 0.3 j, so cos(user 1, item j) = cos(0.3 j)
    MatrixFactorization model = new MatrixFactorization(6, 9, 2, new Initializer("normal", 1.0), 1);
    model.users().data()[2] = 1;
    model.users().data()[3] = 0;
    for (int j = 0; j < 9; j++) {
      model.items().data()[2 * j] = (float) Math.cos(0.3 * j);
      model.items().data()[2 * j + 1] = (float) Math.sin(0.3 * j);
    }
    float[][] userRows = new float[6][2];
    float[][] itemRows = new float[9][2];
    // one row of user 1 with positive 1 and negatives 0 and 8: S = {cos 0.3, cos 0.6, cos 0.9} u {cos 0, cos 2.4}
    Batch batch = TestBatches.of(userRows, itemRows, new int[] {1}, new int[] {1}, new int[] {0, 8}, 2);
    UserQuantile quantile = new UserQuantile(train(), 2, 3);
    quantile.startEpoch(0);
    quantile.afterStep(batch, model);
    assertThat(quantile.beta(1)).as("frozen outside update epochs").isZero();
    quantile.startEpoch(2);
    quantile.afterStep(batch, model);
    assertThat((double) quantile.beta(1)).isCloseTo(Math.cos(0.3), within(1e-6));
    assertThat(quantile.beta(0)).isZero();
  }

  @Test
  void selectionIsByNdcgAtItsOwnK() {
    assertThat(new SoftmaxAtKLoss.Config(5, 0.2, 2.5, 5).selectionMetric()).isEqualTo("ndcg@5");
    assertThatThrownBy(() -> new SoftmaxAtKLoss.Config(20, 0.2, 0, 5))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("quantile-temperature"));
    assertThatThrownBy(() -> new SoftmaxAtKLoss.Config(20, 0.2, 1, 0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("quantile-interval"));
  }
}
