package org.rankcf.framework.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.optim.Sgd;
import org.rankcf.framework.optim.SgdConfig;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.sampler.UniformSampler;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.LossState;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.util.Parallel;

/** The trainer's hook for a loss's own state, and its checkpointing: a resumed run ends with the same bits. */
class CheckpointLossStateTest {
  private static final Interactions TRAIN = pairs();

  /**
   * Half the squared positive score, weighted by 1 / (1 + the batch users' mean level); after every step of an
   * odd epoch, level_u becomes the user's updated embedding norm. The result depends on the state, the epoch and the
   * updated model.
   */
  private static final class LevelledLoss implements Loss, LossState {
    final float[] level = new float[TRAIN.numUsers()];
    final List<Integer> epochs = new ArrayList<>();
    int steps;
    private boolean updating;

    @Override
    public boolean usesNegatives() {
      return true;
    }

    @Override
    public LossState state() {
      return this;
    }

    @Override
    public void startEpoch(int epoch) {
      epochs.add(epoch);
      updating = epoch % 2 == 1;
    }

    @Override
    public void afterStep(Batch batch, Model model) {
      steps++;
      if (!updating) {
        return;
      }
      int d = batch.dim();
      for (int p = 0; p < batch.size(); p++) {
        int user = batch.userIds()[p];
        double norm = 0;
        for (int c = 0; c < d; c++) {
          float x = model.users().data()[user * d + c];
          norm += x * x;
        }
        level[user] = (float) Math.sqrt(norm);
      }
    }

    @Override
    public Map<String, float[]> arrays() {
      Map<String, float[]> arrays = new LinkedHashMap<>();
      arrays.put("level", level);
      return arrays;
    }

    /** The squared-score loss of {@link CheckpointOptimizerStateTest}, weighted by the batch users' levels. */
    @Override
    public double valueAndGradient(Batch b, double weight) {
      double level = 0;
      for (int p = 0; p < b.size(); p++) {
        level += this.level[b.userIds()[p]];
      }
      double factor = 1 / (1 + level / b.size());
      return factor * CheckpointOptimizerStateTest.SQUARED_SCORE.valueAndGradient(b, weight * factor);
    }
  }

  @Test
  void theTrainerCallsTheHookEveryEpochAndStep() {
    LevelledLoss loss = new LevelledLoss();
    trainer(3, mf(), loss, 0).fit();
    assertThat(loss.epochs).containsExactly(0, 1, 2);
    assertThat(loss.steps).isEqualTo(3 * ((TRAIN.size() + 31) / 32));
    float largest = 0;
    for (float level : loss.level) {
      largest = Math.max(largest, level);
    }
    assertThat(largest).isPositive();
  }

  @Test
  void aResumedRunEndsWithTheSameParametersAndState(@TempDir Path dir) throws IOException {
    MatrixFactorization whole = mf();
    LevelledLoss wholeLoss = new LevelledLoss();
    trainer(4, whole, wholeLoss, 0).fit();

    Path file = dir.resolve("checkpoint.bin");
    LevelledLoss firstLoss = new LevelledLoss();
    Trainer first = trainer(2, mf(), firstLoss, 0);
    first.fit();
    Checkpoint.save(file, first);
    MatrixFactorization resumedModel = mf();
    LevelledLoss resumedLoss = new LevelledLoss();
    Trainer resumed = trainer(4, resumedModel, resumedLoss, 2);
    Checkpoint.restore(file, resumed);
    assertThat(resumedLoss.level).containsExactly(firstLoss.level);
    resumed.fit();
    assertThat(resumedLoss.epochs).containsExactly(2, 3);
    assertThat(resumedLoss.level).containsExactly(wholeLoss.level);
    for (int t = 0; t < 2; t++) {
      assertThat(resumedModel.parameters().get(t).data()).containsExactly(whole.parameters().get(t).data());
    }
  }

  /** Every epoch's validation score beats the last, so the best epoch is the last one. */
  private static Trainer trainer(int epochs, MatrixFactorization mf, Loss loss, int firstEpoch) {
    TrainerConfig config = new TrainerConfig(epochs, 32, 1, 10, "ndcg@20", 4, 0);
    Phase phase = new Phase(PhaseKind.TUNE, "levelled", loss, List.of());
    int[] epoch = {firstEpoch};
    return new Trainer(config, Schedule.tuneOnly(phase), mf, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
        new Sgd(new SgdConfig(0.5, 0.9, false, 0, false, List.of(), 0.1), mf.parameters()),
        model -> Map.of("ndcg@20", (double) ++epoch[0]), TRAIN, Parallel.serial());
  }

  private static MatrixFactorization mf() {
    return new MatrixFactorization(TRAIN.numUsers(), TRAIN.numItems(), 4, new Initializer("normal", 0.5), 3);
  }

  private static Interactions pairs() {
    SplittableRandom random = new SplittableRandom(2);
    int[] users = random.ints(200, 0, 30).toArray();
    int[] items = random.ints(200, 0, 20).toArray();
    return Interactions.fromPairs(30, 20, users, items);
  }
}
