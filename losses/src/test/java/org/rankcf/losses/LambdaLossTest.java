package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;
import org.rankcf.framework.batch.BatchAssembler;

class LambdaLossTest {
  /** User (1, 0) against items scoring 3, 1, 2, 1: the positive (item 2) ranks 2nd, the negative (item 1) 3rd. */
  private static Batch fixture(int positive, int negative) {
    return TestBatches.of(new float[][] {{1, 0}}, new float[][] {{3, 0}, {1, 0}, {2, 0}, {1, 5}},
        new int[] {0}, new int[] {positive}, new int[] {negative}, 1);
  }

  @Test
  void ranksCountTheItemsScoringStrictlyHigherInTheWholeCatalogue() {
    CatalogueRanks ranks = new CatalogueRanks();
    ranks.compute(fixture(2, 1));
    assertThat(ranks.positive(0)).isEqualTo(2);
    // item 3 scores 1 as item 1 does: a tie is not above, so both rank 3rd
    assertThat(ranks.negative(0)).isEqualTo(3);
    ranks.compute(fixture(1, 3));
    assertThat(ranks.positive(0)).isEqualTo(3);
    assertThat(ranks.negative(0)).isEqualTo(3);
  }

  @Test
  void valuesOfOnePairByHand() {
    // softplus(1 - 2) = 0.31326168751822286, weighted by each Δ of ranks 2 (positive) and 3 (negative)
    assertThat(new LambdaLoss(LambdaLoss.Delta.LOSS, 0).valueAndGradient(fixture(2, 1), 1.0))
        .isCloseTo(0.31326168751822286, within(1e-7));
    assertThat(new LambdaLoss(LambdaLoss.Delta.RANK, 0).valueAndGradient(fixture(2, 1), 1.0))
        .isCloseTo(0.041015275550139854, within(1e-7));
    // K = 1: the larger rank 3 is beyond K, so Δ = 1 / (1 - 1/3) = 1.5
    assertThat(new LambdaLoss(LambdaLoss.Delta.LOSS_AT_K, 1).valueAndGradient(fixture(2, 1), 1.0))
        .isCloseTo(0.4698925312773343, within(1e-7));
    assertThat(new LambdaLoss(LambdaLoss.Delta.LOSS_AT_K, 3).valueAndGradient(fixture(2, 1), 1.0))
        .isCloseTo(0.31326168751822286, within(1e-7));
  }

  @Test
  void aScoreTieCountsAsAdjacentRanks() {
    LambdaLoss loss = new LambdaLoss(LambdaLoss.Delta.LOSS, 0);
    assertThat(loss.weight(3, 3)).isEqualTo(1.0);
    assertThat(loss.weight(3, 4)).isEqualTo(1.0);
    assertThat(loss.weight(1, 4)).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void gradientMatchesFiniteDifferencesWithTheRanksHeldConstant() {
    for (LambdaLoss.Delta delta : LambdaLoss.Delta.values()) {
      Batch batch = TestBatches.repeatingIds(2, 0.7, 42);
      LambdaLoss loss = new LambdaLoss(delta, 3);
      int[][] ranks = bruteForceRanks(batch);
      GradientCheck.assertGradientMatches(loss, batch, (users, items) -> {
        double sum = 0;
        int n = batch.negatives();
        for (int b = 0; b < batch.size(); b++) {
          double positive = LossReferences.score(batch, users, items, b, 0);
          for (int k = 0; k < n; k++) {
            double negative = LossReferences.score(batch, users, items, b, 1 + k);
            sum += loss.weight(ranks[b][0], ranks[b][1 + k]) * Math.log1p(Math.exp(negative - positive));
          }
        }
        return sum / (batch.size() * n);
      }, 1e-5, 1e-4);
    }
  }

  @Test
  void bothKernelPathsAndTwoThreadsGiveTheBruteForceRanks() {
    Batch batch = TestBatches.random(40, 300, 8, 200, 3, 0.5, 7);
    int[][] expected = bruteForceRanks(batch);
    List<KernelPath> paths = new ArrayList<>(List.of(Kernels.scalar()));
    if (Kernels.vector() != null) {
      paths.add(Kernels.vector());
    }
    for (KernelPath path : paths) {
      assertRanks(path, batch, expected);
      try (Parallel parallel = new Parallel(2)) {
        new BatchAssembler(batch).setParallel(parallel);
        assertRanks(path, batch, expected);
      }
      new BatchAssembler(batch).setParallel(Parallel.serial());
    }
    assertThat(paths).hasSize(2);
  }

  private static void assertRanks(KernelPath path, Batch batch, int[][] expected) {
    CatalogueRanks ranks = new CatalogueRanks(path);
    ranks.compute(batch);
    for (int b = 0; b < batch.size(); b++) {
      assertThat(ranks.positive(b)).as("%s pair %d", path, b).isEqualTo(expected[b][0]);
      for (int k = 0; k < batch.negatives(); k++) {
        assertThat(ranks.negative(b * batch.negatives() + k)).as("%s pair %d negative %d", path, b, k)
            .isEqualTo(expected[b][1 + k]);
      }
    }
  }

  @Test
  void kIsAtLeastOne() {
    assertThatThrownBy(() -> new LambdaLoss.AtKConfig(0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("k"));
  }

  /** Per pair, the positive's and the negatives' ranks over the whole item table, in double. */
  private static int[][] bruteForceRanks(Batch batch) {
    int n = batch.negatives();
    int dim = batch.dim();
    float[] users = batch.userTable().data();
    float[] items = batch.itemTable().data();
    int numItems = batch.itemTable().rows();
    int[][] ranks = new int[batch.size()][1 + n];
    for (int b = 0; b < batch.size(); b++) {
      int user = batch.userIds()[b];
      double[] scores = new double[numItems];
      for (int t = 0; t < numItems; t++) {
        for (int c = 0; c < dim; c++) {
          scores[t] += (double) users[user * dim + c] * items[t * dim + c];
        }
      }
      for (int k = 0; k <= n; k++) {
        int item = k == 0 ? batch.positiveIds()[b] : batch.negativeIds()[b * n + k - 1];
        int above = 0;
        for (double s : scores) {
          above += s > scores[item] ? 1 : 0;
        }
        ranks[b][k] = 1 + above;
      }
    }
    return ranks;
  }
}
