package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.spi.Objective;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.Parallel;

/** Two threads give the serial result (to float rounding) and the same bits from run to run. */
class LossParallelTest {
  @Test
  void bpr() {
    check(BprLoss::new);
  }

  @Test
  void inBatchSoftmaxAcrossSeveralBlocks() {
    check(() -> new InBatchSoftmaxLoss(InBatchSoftmaxLoss.Config.DEFAULTS));
  }

  @Test
  void directAu() {
    check(() -> new DirectAuLoss(DirectAuLoss.Config.DEFAULTS));
  }

  private static void check(Supplier<Objective> objectives) {
    Batch batch = TestBatches.random(150, 200, 8, 300, 2, 0.5, 21);
    Objective objective = objectives.get();
    double serial = objective.valueAndGradient(batch, 1.0);
    float[] serialUsers = copy(batch.userGrad(), batch.numUniqueUsers() * 8);
    float[] serialItems = copy(batch.itemGrad(), batch.numUniqueItems() * 8);
    try (Parallel parallel = new Parallel(2)) {
      new BatchAssembler(batch).setParallel(parallel);
      float[][] users = new float[2][];
      for (int run = 0; run < 2; run++) {
        Arrays.fill(batch.userGrad(), 0f);
        Arrays.fill(batch.itemGrad(), 0f);
        assertThat(objective.valueAndGradient(batch, 1.0)).isCloseTo(serial, within(1e-9 * Math.abs(serial)));
        users[run] = copy(batch.userGrad(), serialUsers.length);
      }
      assertThat(users[1]).containsExactly(users[0]);
      for (int t = 0; t < serialUsers.length; t++) {
        assertThat(users[0][t]).isCloseTo(serialUsers[t], within(1e-6f));
      }
      float[] items = copy(batch.itemGrad(), serialItems.length);
      for (int t = 0; t < serialItems.length; t++) {
        assertThat(items[t]).isCloseTo(serialItems[t], within(1e-6f));
      }
    }
  }

  private static float[] copy(float[] x, int length) {
    return Arrays.copyOf(x, length);
  }
}
