package org.rankcf.regularizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.rankcf.framework.testing.ReferenceMaths;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.Parallel;

/** Regularizer values against hand-computed fixtures and against definitions evaluated the slow way. */
class RegularizerValueTest {
  /** One user per row, one positive item per row (pair r = (user r, item r)), no negatives. */
  private static Batch rows(float[][] users, float[][] items) {
    int[] ids = new int[users.length];
    Arrays.setAll(ids, r -> r);
    return TestBatches.of(users, items, ids, ids, new int[0], 0);
  }

  @Test
  void stableRankOfOrthogonalRowsIsTheirCountOverDim() {
    // U^ = {e1, e2} has srank 2; I^ = three rows along one direction has srank 1 (norms do not matter)
    float[][] users = {{3, 0, 0, 0}, {0, 0.5f, 0, 0}};
    float[][] items = {{1, 1, 0, 0}, {2, 2, 0, 0}, {-4, -4, 0, 0}};
    Batch batch = TestBatches.of(users, items, new int[] {0, 1, 1}, new int[] {0, 1, 2}, new int[0], 0);
    double value = new StableRankRegularizer().valueAndGradient(batch, 1.0);
    assertThat(value).isCloseTo(0.5 * (-2.0 / 4 + -1.0 / 4), within(1e-6));
  }

  @Test
  void stableRankEqualsTheFullSvdDefinitionOnALargerBatch() {
    Batch batch = TestBatches.random(300, 500, 16, 256, 2, 1.0, 11);
    new BatchAssembler(batch).setParallel(new Parallel(2));
    double value = new StableRankRegularizer().valueAndGradient(batch, 1.0);
    double expected = 0.5 * (
        ReferenceMaths.stableRankPenalty(toDouble(batch.users()), batch.numUniqueUsers(), 16)
        + ReferenceMaths.stableRankPenalty(toDouble(batch.items()), batch.numUniqueItems(), 16));
    assertThat(value).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
  }

  @Test
  void uniformityEqualsTheDoubleLoopAcrossBlocksAndThreads() {
    // about 300 unique users and 350 positive items: several 128-row blocks split over two chunks
    Batch batch = TestBatches.random(600, 900, 8, 400, 1, 1.0, 12);
    assertThat(batch.numUniqueUsers()).isGreaterThan(256);
    UniformityRegularizer regularizer = new UniformityRegularizer(UniformityRegularizer.Config.DEFAULTS);
    double serial = regularizer.valueAndGradient(batch, 1.0);
    float[] serialGrad = Arrays.copyOf(batch.userGrad(), batch.numUniqueUsers() * 8);
    double expected = 0.5 * (
        ReferenceMaths.uniformity(toDouble(batch.users()), batch.numUniqueUsers(), 8, 2.0)
        + ReferenceMaths.uniformity(toDouble(batch.items()), batch.numPositiveItems(), 8, 2.0));
    assertThat(serial).isCloseTo(expected, within(1e-6 * Math.abs(expected)));

    try (Parallel parallel = new Parallel(2)) {
      new BatchAssembler(batch).setParallel(parallel);
      float[][] runs = new float[2][];
      for (int run = 0; run < 2; run++) {
        Arrays.fill(batch.userGrad(), 0f);
        assertThat(regularizer.valueAndGradient(batch, 1.0)).isCloseTo(serial, within(1e-9));
        runs[run] = Arrays.copyOf(batch.userGrad(), batch.numUniqueUsers() * 8);
      }
      assertThat(runs[1]).as("two threads, run to run").containsExactly(runs[0]);
      for (int t = 0; t < serialGrad.length; t++) {
        assertThat(runs[0][t]).isCloseTo(serialGrad[t], within(1e-6f));
      }
    }
  }

  @Test
  void uniformityOfTwoOppositeRowsIsMinusTwiceTTimesTheirDistance() {
    // ||x^_1 - x^_2||^2 = 4 for opposite rows, and one pair: unif = -4t
    float[][] rows = {{2, 0}, {-1, 0}};
    Batch batch = rows(rows, rows);
    double value = new UniformityRegularizer(new UniformityRegularizer.Config(0.5)).valueAndGradient(batch, 1.0);
    // the pair terms are float exponentials: about one float ulp
    assertThat(value).isCloseTo(-2.0, within(1e-6));
  }

  private static final L2Regularizer L2_PROPAGATED = new L2Regularizer(new L2Regularizer.Config(true));

  @Test
  void l2OfOnePairIsHalfItsSquaredNorms() {
    Batch batch = TestBatches.of(new float[][] {{1, 2}}, new float[][] {{0, 1}, {2, 0}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    assertThat(L2_PROPAGATED.valueAndGradient(batch, 1.0)).isCloseTo(0.5 * (5 + 1 + 4), within(1e-9));
    assertThat(batch.userGrad()).containsExactly(1f, 2f);
  }

  @Test
  void l2CountsARepeatedRowOncePerOccurrence() {
    // pairs (0, 0) and (0, 0) over B = 2: 0.5 * (2 * (1 + 4)) / 2, gradient 2 * row / 2
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{0, 2}},
        new int[] {0, 0}, new int[] {0, 0}, new int[0], 0);
    assertThat(L2_PROPAGATED.valueAndGradient(batch, 1.0)).isCloseTo(2.5, within(1e-9));
    assertThat(batch.itemGrad()).containsExactly(0f, 2f);
  }

  @Test
  void l2OnLayerZeroPenalisesTheParametersAndLeavesTheFinalRowsAlone() {
    // final rows as in l2OfOnePairIsHalfItsSquaredNorms; the layer-0 rows differ: user {0, 3}, items {1, 1}, {0, 2}
    Batch batch = TestBatches.of(new float[][] {{1, 2}}, new float[][] {{0, 1}, {2, 0}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    float[] userParamGrad = new float[2];
    float[] itemParamGrad = new float[4];
    new BatchAssembler(batch).setParameters(table(0, 3), table(1, 1, 0, 2), userParamGrad, itemParamGrad);
    assertThat(new L2Regularizer(L2Regularizer.Config.DEFAULTS).valueAndGradient(batch, 2.0))
        .isCloseTo(0.5 * (9 + 2 + 4), within(1e-9));
    assertThat(userParamGrad).containsExactly(0f, 6f);
    assertThat(itemParamGrad).containsExactly(2f, 2f, 0f, 4f);
    assertThat(batch.userGrad()).containsOnly(0f);
    assertThat(batch.itemGrad()).containsOnly(0f);
    assertThat(batch.userTableGrad()).containsOnly(0f);
  }

  @Test
  void l2OnLayerZeroOfMatrixFactorisationEqualsThePropagatedOne() {
    Batch layerZero = TestBatches.repeatingIds(2, 0.5, 11);
    Batch propagated = TestBatches.repeatingIds(2, 0.5, 11);
    double value = new L2Regularizer(L2Regularizer.Config.DEFAULTS).valueAndGradient(layerZero, 1.0);
    assertThat(L2_PROPAGATED.valueAndGradient(propagated, 1.0)).isCloseTo(value, within(1e-6));
    new BatchAssembler(propagated).scatter();
    assertThat(layerZero.userTableGrad()).containsExactly(propagated.userTableGrad(), within(1e-7f));
    assertThat(layerZero.itemTableGrad()).containsExactly(propagated.itemTableGrad(), within(1e-7f));
  }

  /** A table of dim 2, the values listed row by row. */
  private static EmbeddingTable table(float... values) {
    EmbeddingTable table = new EmbeddingTable(values.length / 2, 2);
    System.arraycopy(values, 0, table.data(), 0, values.length);
    return table;
  }

  private static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      out[t] = x[t];
    }
    return out;
  }
}
