package org.rankcf.framework.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;

/**
 * The three ways a trainer steps an optimiser (dense, dense with pending batch rows, lazy over the touched
 * rows) and its parallel split must agree wherever the optimiser's config says they do.
 */
class LazyAndDenseStepsTest {
  private static final int ROWS = 300;
  private static final int DIM = 5;

  @Test
  void lazySgdWithoutMomentumOrDecayEqualsDenseBitForBit() {
    assertLazyEqualsDense(lazy -> t -> new Sgd(new SgdConfig(0.1, 0, false, 0, lazy, List.of(), 0.1), t));
  }

  @Test
  void lazyAdagradWithoutDecayEqualsDenseBitForBit() {
    assertLazyEqualsDense(lazy -> t -> new Adagrad(new AdagradConfig(0.1, 0, 1e-10, 0.1, lazy, List.of(), 0.1), t));
  }

  @Test
  void lazyAdamwLeavesUntouchedRowsWhereDenseDecaysThem() {
    float[] start = {1f, 1f, 1f, 1f};
    EmbeddingTable dense = new EmbeddingTable(2, 2, start.clone());
    EmbeddingTable lazy = new EmbeddingTable(2, 2, start.clone());
    AdamWConfig config = new AdamWConfig(0.1, 0.1, 0.9, 0.999, 1e-8, true, List.of(), 0.1);
    new AdamW(config, List.of(dense)).step(list(new float[] {1f, 1f, 0f, 0f}), Parallel.serial());
    new AdamW(config, List.of(lazy))
        .stepRows(list(new float[] {1f, 1f, 0f, 0f}), new int[][] {{0}}, new int[] {1}, Parallel.serial());
    assertThat(dense.get(1, 0)).isEqualTo(0.99f);
    assertThat(lazy.get(1, 0)).isEqualTo(1f);
    assertThat(lazy.get(0, 0)).isEqualTo(dense.get(0, 0));
  }

  @Test
  void pendingRowsGiveTheSameStepAsAddedGradientsForEveryOptimiser() {
    assertTwinsAgree(4, (added, pending, random) -> {
      float[] grad = gaussian(random, ROWS * DIM);
      int[] slotOfRow = new int[ROWS];
      java.util.Arrays.fill(slotOfRow, -1);
      float[] rows = gaussian(random, 2 * DIM);
      slotOfRow[7] = 0;
      slotOfRow[250] = 1;
      float[] summed = grad.clone();
      for (int c = 0; c < DIM; c++) {
        summed[7 * DIM + c] += rows[c];
        summed[250 * DIM + c] += rows[DIM + c];
      }
      added.step(list(summed), Parallel.serial());
      pending.step(list(grad), List.of(new PendingRows(slotOfRow, rows)), Parallel.serial());
    });
  }

  @Test
  void parallelStepEqualsSerialStepForEveryOptimiser() {
    try (Parallel two = new Parallel(2)) {
      assertTwinsAgree(3, (serial, parallel, random) -> {
        float[] grad = gaussian(random, ROWS * DIM);
        serial.step(list(grad.clone()), Parallel.serial());
        parallel.step(list(grad.clone()), two);
      });
    }
  }

  /** One step of two optimisers, each its own way, from the same random inputs. */
  private interface TwinStep {
    void step(Optimizer first, Optimizer second, SplittableRandom random);
  }

  /** For every optimiser: two copies on identical tables, three twin steps; the tables must end equal. */
  private static void assertTwinsAgree(long seed, TwinStep twinStep) {
    for (Function<List<EmbeddingTable>, Optimizer> create : everyOptimiser()) {
      SplittableRandom random = new SplittableRandom(seed);
      float[] start = gaussian(random, ROWS * DIM);
      EmbeddingTable a = new EmbeddingTable(ROWS, DIM, start.clone());
      EmbeddingTable b = new EmbeddingTable(ROWS, DIM, start.clone());
      Optimizer first = create.apply(List.of(a));
      Optimizer second = create.apply(List.of(b));
      for (int step = 0; step < 3; step++) {
        twinStep.step(first, second, random);
      }
      assertThat(b.data()).containsExactly(a.data());
      assertThat(b.data()).isNotEqualTo(start);
    }
  }

  @Test
  void stepsClearTheGradient() {
    for (Function<List<EmbeddingTable>, Optimizer> create : everyOptimiser()) {
      float[] grad = gaussian(new SplittableRandom(1), ROWS * DIM);
      create.apply(List.of(new EmbeddingTable(ROWS, DIM))).step(list(grad), Parallel.serial());
      assertThat(grad).containsOnly(0f);
    }
  }

  @Test
  void meaninglessCombinationsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> new SgdConfig(0.1, 0, true, 0, false, List.of(), 0.1))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nesterov").hasMessageContaining("momentum > 0");
    assertThatThrownBy(() -> new SgdConfig(0.1, 0.9, false, 0, true, List.of(), 0.1))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("lazy");
    assertThatThrownBy(() -> new SgdConfig(0.1, 0, false, 1e-4, true, List.of(), 0.1))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("lazy");
    assertThatThrownBy(() -> new AdagradConfig(0.1, 1e-4, 1e-10, 0, true, List.of(), 0.1))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("lazy");
    assertThatThrownBy(() -> new SgdConfig(0.1, 1.0, false, 0, false, List.of(), 0.1))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("momentum");
    assertThatThrownBy(() -> new AdamWConfig(0.1, 0, 0.9, 0.999, 1e-8, false, List.of(3, 2), 0.1))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("milestones");
  }

  @Test
  void theSharedMilestoneScheduleDrivesSgdToo() {
    // plain SGD moves by exactly the epoch's lr times the gradient
    EmbeddingTable table = new EmbeddingTable(1, 1, new float[] {1f});
    Sgd sgd = new Sgd(new SgdConfig(0.1, 0, false, 0, false, List.of(2), 0.5), List.of(table));
    sgd.startEpoch(1);
    sgd.step(list(new float[] {1f}), Parallel.serial());
    assertThat(table.get(0, 0)).isEqualTo(0.9f);
    sgd.startEpoch(2);
    sgd.step(list(new float[] {1f}), Parallel.serial());
    assertThat(table.get(0, 0)).isCloseTo(0.85f, org.assertj.core.api.Assertions.within(1e-6f));
  }

  /** Steps a dense and a lazy optimiser with gradients on a random subset of rows; the tables must agree. */
  private static void assertLazyEqualsDense(Function<Boolean, Function<List<EmbeddingTable>, Optimizer>> create) {
    SplittableRandom random = new SplittableRandom(9);
    float[] start = gaussian(random, ROWS * DIM);
    EmbeddingTable dense = new EmbeddingTable(ROWS, DIM, start.clone());
    EmbeddingTable lazy = new EmbeddingTable(ROWS, DIM, start.clone());
    Optimizer denseOptimizer = create.apply(false).apply(List.of(dense));
    Optimizer lazyOptimizer = create.apply(true).apply(List.of(lazy));
    assertThat(lazyOptimizer.lazy()).isTrue();
    for (int step = 0; step < 5; step++) {
      int[] touched = random.ints(40, 0, ROWS).distinct().toArray();
      float[] grad = new float[ROWS * DIM];
      for (int row : touched) {
        for (int c = 0; c < DIM; c++) {
          grad[row * DIM + c] = (float) random.nextGaussian();
        }
      }
      denseOptimizer.step(list(grad.clone()), Parallel.serial());
      lazyOptimizer.stepRows(list(grad.clone()), new int[][] {touched}, new int[] {touched.length}, Parallel.serial());
    }
    assertThat(lazy.data()).containsExactly(dense.data());
    assertThat(lazy.data()).isNotEqualTo(start);
  }

  private static List<Function<List<EmbeddingTable>, Optimizer>> everyOptimiser() {
    return List.of(
        t -> new Adam(new AdamConfig(0.01, 1e-4, 0.9, 0.999, 1e-8, false), t),
        t -> new AdamW(new AdamWConfig(0.01, 1e-2, 0.9, 0.999, 1e-8, false, List.of(), 0.1), t),
        t -> new Sgd(new SgdConfig(0.05, 0.9, true, 1e-4, false, List.of(), 0.1), t),
        t -> new Adagrad(new AdagradConfig(0.05, 1e-4, 1e-10, 0, false, List.of(), 0.1), t));
  }

  private static float[] gaussian(SplittableRandom random, int n) {
    float[] values = new float[n];
    for (int k = 0; k < n; k++) {
      values[k] = (float) random.nextGaussian();
    }
    return values;
  }

  private static List<float[]> list(float[] grad) {
    List<float[]> list = new ArrayList<>();
    list.add(grad);
    return list;
  }
}
