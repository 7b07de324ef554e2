package org.rankcf.framework.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.Parallel;

class SampledRowsTest {
  private static final SampledRows[] PATHS = {Kernels.scalar().sampledRows(), Kernels.vector().sampledRows()};

  @Test
  void bothPathsMatchTheDefinition() {
    assertThat(PATHS[0]).isSameAs(ScalarSampledRows.INSTANCE);
    assertThat(PATHS[1]).isSameAs(VectorSampledRows.INSTANCE);
    SplittableRandom random = new SplittableRandom(3);
    for (int dim : new int[] {1, 5, 8, 33, 64, 70}) {
      for (int n : new int[] {1, 3, 4, 9}) {
        float[] table = random(20 * dim, random);
        float[] x = random(dim + 2, random);
        float[] alphas = random(n + 1, random);
        int[] rows = new int[n + 2];
        for (int k = 0; k < rows.length; k++) {
          rows[k] = random.nextInt(20);
        }
        float[] y0 = random(dim + 3, random);
        float[][] results = new float[2][];
        for (int p = 0; p < 2; p++) {
          float[] dots = new float[n + 1];
          PATHS[p].gatherDots(x, 2, table, rows, 1, n, dim, dots, 1);
          for (int k = 0; k < n; k++) {
            double expected = 0;
            for (int t = 0; t < dim; t++) {
              expected += (double) x[2 + t] * table[rows[1 + k] * dim + t];
            }
            assertThat((double) dots[1 + k]).as("path %d dim %d dot %d", p, dim, k)
                .isCloseTo(expected, within(1e-5 * dim));
          }
          float[] y = y0.clone();
          PATHS[p].gatherAxpy(0.5f, alphas, 1, table, rows, 2, n, dim, y, 3);
          for (int t = 0; t < dim; t++) {
            double expected = 0;
            for (int k = 0; k < n; k++) {
              expected += (double) alphas[1 + k] * table[rows[2 + k] * dim + t];
            }
            assertThat((double) y[3 + t]).isCloseTo(y0[3 + t] + 0.5 * expected, within(1e-5 * n));
          }
          assertThat(y[0]).isEqualTo(y0[0]);
          results[p] = y;
        }
        // the gradient sums are the same operations lane by lane
        assertThat(results[1]).isEqualTo(results[0]);
      }
    }
  }

  /** Row loss: mean over the negatives of (s_neg - s_pos)^2 / 2, whose slopes are easy to write down. */
  private static final SampledRowPass.RowLoss SQUARED_GAPS = (b, scores, offset, count, slopes) -> {
    double value = 0;
    slopes[offset] = 0f;
    for (int k = 1; k < count; k++) {
      double gap = scores[offset + k] - scores[offset];
      value += gap * gap / 2 / (count - 1);
      slopes[offset + k] = (float) (gap / (count - 1));
      slopes[offset] -= slopes[offset + k];
    }
    return value;
  };

  @Test
  void passMatchesADirectComputation() {
    Batch batch = TestBatches.random(9, 30, 7, 25, 6, 0.8, 11);
    double weight = 1.5;
    double value = new SampledRowPass().meanLoss(batch, batch.users(), batch.items(), batch.userGrad(),
        batch.itemGrad(), weight, SQUARED_GAPS);
    int dim = batch.dim();
    int n = batch.negatives();
    double expectedValue = 0;
    double[] userGrad = new double[batch.numUniqueUsers() * dim];
    double[] itemGrad = new double[batch.numUniqueItems() * dim];
    float[] users = batch.users();
    float[] items = batch.items();
    for (int b = 0; b < batch.size(); b++) {
      int u = batch.userRow()[b] * dim;
      int i = batch.positiveRow()[b] * dim;
      for (int k = 0; k < n; k++) {
        int j = batch.negativeRow()[b * n + k] * dim;
        double gap = 0;
        for (int t = 0; t < dim; t++) {
          gap += users[u + t] * ((double) items[j + t] - items[i + t]);
        }
        expectedValue += gap * gap / 2 / n / batch.size();
        double slope = weight * gap / n / batch.size();
        for (int t = 0; t < dim; t++) {
          userGrad[u + t] += slope * (items[j + t] - items[i + t]);
          itemGrad[j + t] += slope * users[u + t];
          itemGrad[i + t] -= slope * users[u + t];
        }
      }
    }
    assertThat(value).isCloseTo(expectedValue, within(1e-5));
    for (int t = 0; t < userGrad.length; t++) {
      assertThat((double) batch.userGrad()[t]).isCloseTo(userGrad[t], within(1e-5));
    }
    for (int t = 0; t < itemGrad.length; t++) {
      assertThat((double) batch.itemGrad()[t]).isCloseTo(itemGrad[t], within(1e-5));
    }
  }

  @Test
  void passGivesTheSameBitsForAnyThreadCount() {
    float[][] reference = null;
    double referenceValue = 0;
    for (int threads : new int[] {1, 2, 3}) {
      Batch batch = TestBatches.random(40, 300, 64, 200, 50, 1.0, 17);
      try (Parallel parallel = new Parallel(threads)) {
        new BatchAssembler(batch).setParallel(parallel);
        double value = new SampledRowPass().meanLoss(batch, batch.users(), batch.items(), batch.userGrad(),
            batch.itemGrad(), 1.0, SQUARED_GAPS);
        float[][] result = {batch.userGrad().clone(), batch.itemGrad().clone()};
        if (reference == null) {
          reference = result;
          referenceValue = value;
        } else {
          assertThat(result).as("%d threads", threads).isDeepEqualTo(reference);
          assertThat(value).isEqualTo(referenceValue);
        }
      }
    }
  }

  private static float[] random(int n, SplittableRandom random) {
    float[] values = new float[n];
    for (int t = 0; t < n; t++) {
      values[t] = (float) random.nextGaussian();
    }
    return values;
  }
}
