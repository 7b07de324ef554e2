package org.rankcf.framework.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

class AdamTest {
  private static final int ROWS = 4;
  private static final int DIM = 3;

  /**
   * Tribuo 4.3.2 (the newest release) computes Adam's moments and bias-corrected step size in double, but
   * then multiplies the update by sqrt(v) + eps where Adam divides (fixed upstream in oracle/tribuo#401,
   * not yet released). So the oracle check is: Tribuo's returned update equals lr_t * m (sqrt(v) + eps)
   * built from our moments, and our parameter step equals lr_t * m / (sqrt(v) + eps) from the same moments.
   */
  @Test
  void momentsAndStepSizeMatchTribuosDoublePrecisionAdam() {
    double lr = 0.05;
    double eps = 1e-8;
    SplittableRandom random = new SplittableRandom(7);
    LinearParameters oracleParams = new LinearParameters(DIM, ROWS);
    org.tribuo.math.optimisers.Adam tribuo = new org.tribuo.math.optimisers.Adam(lr, 0.9, 0.999, eps);
    tribuo.initialise(oracleParams);
    EmbeddingTable table = new EmbeddingTable(ROWS, DIM);
    Adam adam = new Adam(new AdamConfig(lr, 0, 0.9, 0.999, eps, false), List.of(table));
    for (int step = 1; step <= 50; step++) {
      double[][] g = new double[ROWS][DIM];
      float[] grad = new float[ROWS * DIM];
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < DIM; c++) {
          g[r][c] = random.nextDouble(-2, 2);
          grad[r * DIM + c] = (float) g[r][c];
        }
      }
      float[] before = table.data().clone();
      adam.step(gradientList(grad), Parallel.serial());
      DenseMatrix update = (DenseMatrix) tribuo.step(new Tensor[] {DenseMatrix.createDenseMatrix(g)}, 1.0)[0];
      double lrT = lr * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step));
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < DIM; c++) {
          int t = r * DIM + c;
          double m = adam.firstMoment(0)[t];
          double sqrtV = Math.sqrt(adam.secondMoment(0)[t]);
          assertThat(update.get(r, c)).isCloseTo(lrT * m * (sqrtV + eps), within(1e-6 * Math.max(1, Math.abs(update.get(r, c)))));
          assertThat((double) before[t] - table.data()[t]).isCloseTo(lrT * m / (sqrtV + eps), within(1e-5));
        }
      }
    }
  }

  @Test
  void milestonesMultiplyTheLearningRateFromTheirEpochOn() {
    AdamConfig config = new AdamConfig(0.01, 0, 0.9, 0.999, 1e-8, false, List.of(3, 5), 0.1);
    assertThat(config.lrAt(0)).isEqualTo(0.01);
    assertThat(config.lrAt(2)).isEqualTo(0.01);
    assertThat(config.lrAt(3)).isCloseTo(0.001, within(1e-15));
    assertThat(config.lrAt(4)).isCloseTo(0.001, within(1e-15));
    assertThat(config.lrAt(5)).isCloseTo(0.0001, within(1e-15));
    // the first step of a single gradient moves p by exactly the epoch's lr
    EmbeddingTable table = new EmbeddingTable(1, 1, new float[] {2f});
    Adam adam = new Adam(config, List.of(table));
    adam.startEpoch(4);
    adam.step(gradientList(new float[] {1f}), Parallel.serial());
    assertThat(table.get(0, 0)).isCloseTo(2f - 0.001f, within(1e-6f));
  }

  @Test
  void milestonesMustIncrease() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new AdamConfig(0.01, 0, 0.9, 0.999, 1e-8, false, List.of(5, 5), 0.1))
        .hasMessageContaining("milestones");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new AdamConfig(0.01, 0, 0.9, 0.999, 1e-8, false, List.of(2), 1.5))
        .hasMessageContaining("gamma");
  }

  @Test
  void coupledWeightDecayAddsToTheGradient() {
    // One step from p = 2 with g = 0 and wd = 0.5: the effective gradient is 1, so the first Adam step
    // moves p by -lr * m_hat / sqrt(v_hat) = -lr (bias-corrected moments of a single gradient).
    EmbeddingTable table = new EmbeddingTable(1, 1, new float[] {2f});
    Adam adam = new Adam(new AdamConfig(0.1, 0.5, 0.9, 0.999, 1e-8, false), List.of(table));
    adam.step(gradientList(new float[] {0f}), Parallel.serial());
    assertThat(table.get(0, 0)).isCloseTo(1.9f, within(1e-6f));
  }

  @Test
  void denseStepMovesUntouchedRowsButLazyStepDoesNot() {
    float[] start = {1f, 1f, 1f, 1f};
    EmbeddingTable dense = new EmbeddingTable(2, 2, start.clone());
    EmbeddingTable lazy = new EmbeddingTable(2, 2, start.clone());
    AdamConfig config = new AdamConfig(0.1, 1e-2, 0.9, 0.999, 1e-8, false);
    new Adam(config, List.of(dense)).step(gradientList(new float[] {1f, 1f, 0f, 0f}), Parallel.serial());
    new Adam(config, List.of(lazy))
        .stepRows(gradientList(new float[] {1f, 1f, 0f, 0f}), new int[][] {{0}}, new int[] {1}, Parallel.serial());
    assertThat(dense.get(1, 0)).isLessThan(1f); // weight decay alone moved row 1
    assertThat(lazy.get(1, 0)).isEqualTo(1f);
    assertThat(lazy.get(0, 0)).isEqualTo(dense.get(0, 0));
  }

  @Test
  void parallelStepEqualsSerialStep() {
    SplittableRandom random = new SplittableRandom(3);
    float[] start = new float[1000 * 8];
    float[] grad = new float[start.length];
    for (int t = 0; t < start.length; t++) {
      start[t] = (float) random.nextGaussian();
      grad[t] = (float) random.nextGaussian();
    }
    EmbeddingTable a = new EmbeddingTable(1000, 8, start.clone());
    EmbeddingTable b = new EmbeddingTable(1000, 8, start.clone());
    AdamConfig config = new AdamConfig(0.01, 1e-4, 0.9, 0.999, 1e-8, false);
    new Adam(config, List.of(a)).step(gradientList(grad.clone()), Parallel.serial());
    try (Parallel two = new Parallel(2)) {
      new Adam(config, List.of(b)).step(gradientList(grad.clone()), two);
    }
    assertThat(b.data()).containsExactly(a.data());
  }

  private static List<float[]> gradientList(float[] grad) {
    List<float[]> list = new ArrayList<>();
    list.add(grad);
    return list;
  }

}
