package org.rankcf.framework.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.util.Parallel;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/**
 * Each optimiser against Tribuo's double-precision optimiser over many steps where Tribuo has one (SGD with
 * and without momentum, Nesterov, Adagrad), else against a hand-written double-precision reference (AdamW).
 * Tribuo returns the step to subtract for a given gradient, so the reference parameters are p -= update.
 */
class OptimizerOracleTest {
  private static final int ROWS = 4;
  private static final int DIM = 3;
  private static final int STEPS = 40;

  @Test
  void plainSgdMatchesTribuo() {
    assertMatchesTribuo(t -> new Sgd(new SgdConfig(0.05, 0, false, 0, false, List.of(), 0.1), t),
        org.tribuo.math.optimisers.SGD.getSimpleSGD(0.05));
  }

  @Test
  void heavyBallMomentumMatchesTribuo() {
    assertMatchesTribuo(t -> new Sgd(new SgdConfig(0.05, 0.9, false, 0, false, List.of(), 0.1), t),
        org.tribuo.math.optimisers.SGD.getSimpleSGD(0.05, 0.9, org.tribuo.math.optimisers.SGD.Momentum.STANDARD));
  }

  /**
   * Tribuo's Nesterov step is (1 + mu) v_t - mu v_{t-1} with v_t = mu v_{t-1} + lr g_t, which at a constant lr
   * is our (PyTorch's) lr (g_t + mu b_t) with b_t = mu b_{t-1} + g_t.
   */
  @Test
  void nesterovMomentumMatchesTribuo() {
    assertMatchesTribuo(t -> new Sgd(new SgdConfig(0.05, 0.9, true, 0, false, List.of(), 0.1), t),
        org.tribuo.math.optimisers.SGD.getSimpleSGD(0.05, 0.9, org.tribuo.math.optimisers.SGD.Momentum.NESTEROV));
  }

  @Test
  void adagradMatchesTribuo() {
    assertMatchesTribuo(t -> new Adagrad(new AdagradConfig(0.1, 0, 1e-6, 0.1, false, List.of(), 0.1), t),
        new org.tribuo.math.optimisers.AdaGrad(0.1, 1e-6, 0.1));
  }

  @Test
  void adamwMatchesADoublePrecisionReference() {
    double lr = 0.05;
    double wd = 0.1;
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    SplittableRandom random = new SplittableRandom(11);
    EmbeddingTable table = new EmbeddingTable(ROWS, DIM, randomValues(random));
    AdamW adamw = new AdamW(new AdamWConfig(lr, wd, b1, b2, eps, false, List.of(), 0.1), List.of(table));
    double[] p = toDoubles(table.data());
    double[] m = new double[p.length];
    double[] v = new double[p.length];
    for (int step = 1; step <= STEPS; step++) {
      float[] grad = randomValues(random);
      for (int k = 0; k < p.length; k++) {
        double g = grad[k];
        p[k] *= 1 - lr * wd;
        m[k] = b1 * m[k] + (1 - b1) * g;
        v[k] = b2 * v[k] + (1 - b2) * g * g;
        double mHat = m[k] / (1 - Math.pow(b1, step));
        double vHat = v[k] / (1 - Math.pow(b2, step));
        p[k] -= lr * mHat / (Math.sqrt(vHat) + eps);
      }
      adamw.step(list(grad), Parallel.serial());
      for (int k = 0; k < p.length; k++) {
        assertThat((double) table.data()[k]).isCloseTo(p[k], within(1e-5));
      }
    }
  }

  @Test
  void adamwFirstStepByHand() {
    // p = 2, g = 0.5, lr = 0.1, wd = 0.5: shrink to 2 (1 - 0.05) = 1.9, then the first Adam step moves by
    // lr * m_hat / sqrt(v_hat) = lr * g / |g| = 0.1 (eps aside): 1.8. Coupled Adam would instead feed
    // g + wd p = 1.5 through the moments and also move by 0.1, to 1.9.
    EmbeddingTable decoupled = new EmbeddingTable(1, 1, new float[] {2f});
    new AdamW(new AdamWConfig(0.1, 0.5, 0.9, 0.999, 1e-8, false, List.of(), 0.1), List.of(decoupled))
        .step(list(new float[] {0.5f}), Parallel.serial());
    assertThat(decoupled.get(0, 0)).isCloseTo(1.8f, within(1e-6f));
  }

  @Test
  void adamwWithoutDecayIsAdamBitForBit() {
    SplittableRandom random = new SplittableRandom(5);
    float[] start = randomValues(random);
    EmbeddingTable a = new EmbeddingTable(ROWS, DIM, start.clone());
    EmbeddingTable b = new EmbeddingTable(ROWS, DIM, start.clone());
    Adam adam = new Adam(new AdamConfig(0.01, 0, 0.9, 0.999, 1e-8, false), List.of(a));
    AdamW adamw = new AdamW(new AdamWConfig(0.01, 0, 0.9, 0.999, 1e-8, false, List.of(), 0.1), List.of(b));
    for (int step = 0; step < 10; step++) {
      float[] grad = randomValues(random);
      adam.step(list(grad.clone()), Parallel.serial());
      adamw.step(list(grad.clone()), Parallel.serial());
    }
    assertThat(b.data()).containsExactly(a.data());
  }

  @Test
  void sgdFirstStepsByHand() {
    // p = 1, g = 1 twice, lr = 0.1, mu = 0.5, wd = 0.2. Step 1: g' = 1.2, b = 1.2; heavy ball p = 1 - 0.12 = 0.88,
    // Nesterov p = 1 - 0.1 (1.2 + 0.6) = 0.82. Step 2 (heavy ball): g' = 1 + 0.176 = 1.176, b = 0.6 + 1.176
    // = 1.776, p = 0.88 - 0.1776 = 0.7024.
    EmbeddingTable heavy = new EmbeddingTable(1, 1, new float[] {1f});
    EmbeddingTable nesterov = new EmbeddingTable(1, 1, new float[] {1f});
    Sgd heavyBall = new Sgd(new SgdConfig(0.1, 0.5, false, 0.2, false, List.of(), 0.1), List.of(heavy));
    heavyBall.step(list(new float[] {1f}), Parallel.serial());
    new Sgd(new SgdConfig(0.1, 0.5, true, 0.2, false, List.of(), 0.1), List.of(nesterov))
        .step(list(new float[] {1f}), Parallel.serial());
    assertThat(heavy.get(0, 0)).isCloseTo(0.88f, within(1e-6f));
    assertThat(nesterov.get(0, 0)).isCloseTo(0.82f, within(1e-6f));
    heavyBall.step(list(new float[] {1f}), Parallel.serial());
    assertThat(heavy.get(0, 0)).isCloseTo(0.7024f, within(1e-6f));
  }

  @Test
  void adagradFirstStepsByHand() {
    // p = 1, g = 3 then 4, lr = 0.5: G = 9, p = 1 - 0.5 * 3 / 3 = 0.5; G = 25, p = 0.5 - 0.5 * 4 / 5 = 0.1
    EmbeddingTable table = new EmbeddingTable(1, 1, new float[] {1f});
    Adagrad adagrad = new Adagrad(new AdagradConfig(0.5, 0, 1e-10, 0, false, List.of(), 0.1), List.of(table));
    adagrad.step(list(new float[] {3f}), Parallel.serial());
    assertThat(table.get(0, 0)).isCloseTo(0.5f, within(1e-6f));
    adagrad.step(list(new float[] {4f}), Parallel.serial());
    assertThat(table.get(0, 0)).isCloseTo(0.1f, within(1e-6f));
    assertThat(adagrad.state().get("sum-squares/0")).containsExactly(25f);
  }

  private static void assertMatchesTribuo(Function<List<EmbeddingTable>, Optimizer> ours,
      StochasticGradientOptimiser tribuo) {
    SplittableRandom random = new SplittableRandom(7);
    EmbeddingTable table = new EmbeddingTable(ROWS, DIM, randomValues(random));
    double[] expected = toDoubles(table.data());
    tribuo.initialise(new LinearParameters(DIM, ROWS));
    Optimizer optimizer = ours.apply(List.of(table));
    for (int step = 1; step <= STEPS; step++) {
      float[] grad = randomValues(random);
      double[][] g = new double[ROWS][DIM];
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < DIM; c++) {
          g[r][c] = grad[r * DIM + c];
        }
      }
      DenseMatrix update = (DenseMatrix) tribuo.step(new Tensor[] {DenseMatrix.createDenseMatrix(g)}, 1.0)[0];
      optimizer.step(list(grad), Parallel.serial());
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < DIM; c++) {
          expected[r * DIM + c] -= update.get(r, c);
          assertThat((double) table.data()[r * DIM + c]).as("step %d", step)
              .isCloseTo(expected[r * DIM + c], within(1e-4));
        }
      }
    }
    assertThat(optimizer.steps()).isEqualTo(STEPS);
  }

  private static float[] randomValues(SplittableRandom random) {
    float[] values = new float[ROWS * DIM];
    for (int k = 0; k < values.length; k++) {
      values[k] = (float) random.nextDouble(-1, 1);
    }
    return values;
  }

  private static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = values[k];
    }
    return out;
  }

  private static List<float[]> list(float[] grad) {
    List<float[]> list = new ArrayList<>();
    list.add(grad);
    return list;
  }
}
