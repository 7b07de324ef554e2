package org.example.sigmoidrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;

class SigmoidRankLossTest {
  @Test
  void gradientMatchesFiniteDifferences() {
    // 16 pairs over 6 users and 9 items, 3 negatives each: users, positives and negatives repeat
    Batch batch = TestBatches.repeatingIds(3, 0.7, 42);
    GradientCheck.assertGradientMatches(new SigmoidRankLoss(), batch, (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        for (int k = 0; k < batch.negatives(); k++) {
          double gap = dot(users, batch.userRow()[b], items, batch.negativeRow()[b * batch.negatives() + k], batch.dim())
              - dot(users, batch.userRow()[b], items, batch.positiveRow()[b], batch.dim());
          sum += 1 / (1 + Math.exp(-gap));
        }
      }
      return sum / (batch.size() * batch.negatives());
    }, 1e-4, 1e-3);
  }

  @Test
  void valueOfOnePair() {
    // scores 2 (positive) and 1.5 (negative): sigmoid(-0.5) = 0.3775406688
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{2, 0}, {1.5f, 0}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    assertThat(new SigmoidRankLoss().valueAndGradient(batch, 1.0)).isCloseTo(0.3775406688, within(1e-7));
  }

  private static double dot(double[] a, int ra, double[] b, int rb, int dim) {
    double sum = 0;
    for (int c = 0; c < dim; c++) {
      sum += a[ra * dim + c] * b[rb * dim + c];
    }
    return sum;
  }
}
