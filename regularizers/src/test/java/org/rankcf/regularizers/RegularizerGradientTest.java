package org.rankcf.regularizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.rankcf.framework.testing.ReferenceMaths;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.Parallel;

/**
 * Every regularizer's gradient against central differences of a double-precision reference of its value,
 * on batches with repeated ids (float rounding of the value itself would swamp the small partials).
 */
class RegularizerGradientTest {
  private static final double H = 1e-4;
  private static final double TOLERANCE = 1e-3;

  /** 16 pairs over 6 users and 9 items with 2 negatives each. */
  private static Batch repeatedIds(long seed) {
    return TestBatches.repeatingIds(2, 1.0, seed);
  }

  @Test
  void stableRank() {
    checkStableRank(repeatedIds(1));
  }

  @Test
  void stableRankOnTwoThreads() {
    // the gradient pass cuts users + items (6 + 9 rows) at row 7, inside the items
    try (Parallel parallel = new Parallel(2)) {
      Batch batch = repeatedIds(3);
      new BatchAssembler(batch).setParallel(parallel);
      checkStableRank(batch);
    }
  }

  private static void checkStableRank(Batch batch) {
    int dim = batch.dim();
    GradientCheck.assertGradientMatches(new StableRankRegularizer(), batch,
        (users, items) -> 0.5 * (ReferenceMaths.stableRankPenalty(users, batch.numUniqueUsers(), dim)
            + ReferenceMaths.stableRankPenalty(items, batch.numUniqueItems(), dim)),
        H, TOLERANCE);
  }

  @Test
  void stableRankOnTheTables() {
    Batch batch = repeatedIds(2);
    int dim = batch.dim();
    GradientCheck.assertTableGradientMatches(new StableRankTableRegularizer(), batch,
        (users, items) -> 0.5 * (ReferenceMaths.stableRankPenalty(users, batch.userTable().rows(), dim)
            + ReferenceMaths.stableRankPenalty(items, batch.itemTable().rows(), dim)),
        H, TOLERANCE);
  }

  @Test
  void uniformity() {
    checkUniformity(UniformityRegularizer.Config.DEFAULTS, 3);
  }

  @Test
  void uniformityWithAnotherT() {
    checkUniformity(new UniformityRegularizer.Config(0.7), 4);
  }

  private static void checkUniformity(UniformityRegularizer.Config config, long seed) {
    Batch batch = repeatedIds(seed);
    int dim = batch.dim();
    GradientCheck.assertGradientMatches(new UniformityRegularizer(config), batch,
        (users, items) -> 0.5 * (ReferenceMaths.uniformity(users, batch.numUniqueUsers(), dim, config.t())
            + ReferenceMaths.uniformity(items, batch.numPositiveItems(), dim, config.t())),
        H, TOLERANCE);
  }

  @Test
  void l2OnPropagatedRows() {
    Batch batch = repeatedIds(5);
    GradientCheck.assertGradientMatches(new L2Regularizer(new L2Regularizer.Config(true)), batch,
        (users, items) -> l2Reference(batch, users, batch.userRow(), items, batch.positiveRow(), batch.negativeRow()),
        H, TOLERANCE);
  }

  @Test
  void l2OnLayerZeroRowsOfTheTables() {
    // without separate parameters (MF) the layer-0 rows are the gathered tables, addressed by id
    Batch batch = repeatedIds(9);
    GradientCheck.assertTableGradientMatches(new L2Regularizer(L2Regularizer.Config.DEFAULTS), batch,
        (users, items) -> l2Reference(batch, users, batch.userIds(), items, batch.positiveIds(), batch.negativeIds()),
        H, TOLERANCE);
  }

  /** 0.5 * sum over pair occurrences of squared norms / B, rows addressed through the given indices. */
  private static double l2Reference(Batch batch, double[] users, int[] userRow, double[] items, int[] positiveRow,
      int[] negativeRow) {
    int dim = batch.dim();
    int negatives = batch.negatives();
    double sum = 0;
    for (int b = 0; b < batch.size(); b++) {
      sum += ReferenceMaths.squaredNorm(users, userRow[b], dim);
      sum += ReferenceMaths.squaredNorm(items, positiveRow[b], dim);
      for (int k = 0; k < negatives; k++) {
        sum += ReferenceMaths.squaredNorm(items, negativeRow[b * negatives + k], dim);
      }
    }
    return 0.5 * sum / batch.size();
  }

  @Test
  void floatFiniteDifferencesAgreeWhereRoundingAllows() {
    // the shared float check with a step large enough for float values; catches a reference that
    // merely agrees with a wrong implementation
    GradientCheck.assertGradientMatches(new StableRankRegularizer(), repeatedIds(7), 1e-2, 1e-2);
    GradientCheck.assertGradientMatches(
        new UniformityRegularizer(UniformityRegularizer.Config.DEFAULTS), repeatedIds(8), 1e-2, 1e-2);
  }

  @Test
  void weightScalesTheGradientNotTheValue() {
    Batch batch = repeatedIds(6);
    StableRankRegularizer regularizer = new StableRankRegularizer();
    double value = regularizer.valueAndGradient(batch, 1.0);
    float[] once = Arrays.copyOf(batch.userGrad(), batch.numUniqueUsers() * batch.dim());
    Arrays.fill(batch.userGrad(), 0f);
    assertThat(regularizer.valueAndGradient(batch, 3.0)).isEqualTo(value);
    for (int t = 0; t < once.length; t++) {
      assertThat(batch.userGrad()[t]).isCloseTo(3 * once[t], within(1e-6f));
    }
  }
}
