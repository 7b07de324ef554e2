package org.rankcf.framework.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.optim.Adam;
import org.rankcf.framework.optim.AdamConfig;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.sampler.UniformSampler;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.ParameterGroup;
import org.rankcf.framework.spi.ParameterizedLoss;
import org.rankcf.framework.util.Parallel;

/**
 * The seam for a loss's own parameters: its groups step by their own optimiser at their own rate, ascent
 * groups climb, frozen passes leave the model or the groups untouched, and checkpoints carry the groups.
 */
class OwnParameterUpdatesTest {
  private static final Interactions TRAIN = SmallRuns.pairs();
  private static final double LR = 0.01;
  private static final LossPass MODEL = new LossPass("model", true, false);
  private static final LossPass OFFSET = new LossPass("offset", false, true);
  private static final LossPass BOTH = new LossPass("both", true, true);

  /**
   * BPR with a learnable offset c: mean softplus(x_neg - x_pos - c), c a 1 x 1 table at 2 lr, clipped to
   * [-1, 1] after its steps. The passes of an epoch are given per epoch parity.
   */
  private static final class OffsetBpr implements ParameterizedLoss {
    final EmbeddingTable offset = new EmbeddingTable(1, 1);
    final ParameterGroup group;
    final List<LossPass> even;
    final List<LossPass> odd;
    int clipped;

    OffsetBpr(boolean ascent, List<LossPass> even, List<LossPass> odd) {
      this.group = ParameterGroup.of("offset", List.of(offset), lr -> 2 * lr, ascent);
      this.even = even;
      this.odd = odd;
    }

    @Override
    public boolean usesNegatives() {
      return true;
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
      return List.of(group);
    }

    @Override
    public List<LossPass> passes(int epoch) {
      return epoch % 2 == 0 ? even : odd;
    }

    @Override
    public double valueAndGradient(Batch b, double weight) {
      return valueAndGradient(b, weight, BOTH);
    }

    @Override
    public double valueAndGradient(Batch b, double weight, LossPass pass) {
      int d = b.dim();
      double sum = 0;
      double offsetSlope = 0;
      for (int p = 0; p < b.size(); p++) {
        int u = b.userRow()[p] * d;
        int i = b.positiveRow()[p] * d;
        int j = b.negativeRow()[p] * d;
        double gap = offset.data()[0];
        for (int c = 0; c < d; c++) {
          gap += b.users()[u + c] * (b.items()[i + c] - b.items()[j + c]);
        }
        sum += Math.log1p(Math.exp(-gap));
        double slope = -1 / (1 + Math.exp(gap)) / b.size();
        offsetSlope += slope;
        float scale = (float) (weight * slope);
        for (int c = 0; c < d; c++) {
          b.userGrad()[u + c] += scale * (b.items()[i + c] - b.items()[j + c]);
          b.itemGrad()[i + c] += scale * b.users()[u + c];
          b.itemGrad()[j + c] -= scale * b.users()[u + c];
        }
      }
      group.gradients().get(0)[0] += (float) (weight * offsetSlope);
      return sum / b.size();
    }

    @Override
    public void afterParameterStep() {
      clipped++;
      offset.data()[0] = Math.max(-1, Math.min(1, offset.data()[0]));
    }
  }

  @Test
  void frozenPassesLeaveTheModelOrTheGroupUntouched() {
    OffsetBpr loss = new OffsetBpr(false, List.of(MODEL), List.of(OFFSET));
    MatrixFactorization mf = SmallRuns.mf(TRAIN);
    List<float[]> users = new ArrayList<>();
    List<Float> offsets = new ArrayList<>();
    Trainer trainer = trainer(4, mf, loss);
    trainer.addListener(new TrainingListener() {
      @Override
      public void epochDone(EpochRecord record) {
        users.add(mf.parameters().get(0).data().clone());
        offsets.add(loss.offset.data()[0]);
      }
    });
    float[] initial = mf.parameters().get(0).data().clone();
    trainer.fit();
    // epochs 0 and 2 step the model only, 1 and 3 the offset only
    assertThat(users.get(0)).isNotEqualTo(initial);
    assertThat(offsets.get(0)).isZero();
    assertThat(users.get(1)).containsExactly(users.get(0));
    assertThat(offsets.get(1)).isNotZero();
    assertThat(users.get(2)).isNotEqualTo(users.get(1));
    assertThat(offsets.get(2)).isEqualTo(offsets.get(1));
    assertThat(users.get(3)).containsExactly(users.get(2));
    int steps = (TRAIN.size() + 31) / 32;
    assertThat(trainer.optimizer().steps()).isEqualTo(2L * steps);
    assertThat(trainer.ownParameters().get(0).optimizer().steps()).isEqualTo(2L * steps);
    assertThat(loss.clipped).isEqualTo(2 * steps);
  }

  @Test
  void groupStepsAtItsOwnRateAndAscentClimbs() {
    // Adam's first step moves a parameter by its learning rate against the sign of its gradient; the offset's
    // gradient is negative (a larger gap lowers the loss), so descent raises it by 2 lr, ascent lowers it
    for (boolean ascent : new boolean[] {false, true}) {
      OffsetBpr loss = new OffsetBpr(ascent, List.of(BOTH), List.of(BOTH));
      TrainerConfig config = new TrainerConfig(1, TRAIN.size(), 1, 10, "ndcg@20", 4, 0);
      MatrixFactorization mf = SmallRuns.mf(TRAIN);
      new Trainer(config, Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "offset-bpr", loss, List.of())), mf,
          new UniformSampler(TRAIN, SamplerConfig.DEFAULTS), adam(mf), SmallRuns.risingScore(0), TRAIN, Parallel.serial()).fit();
      assertThat((double) loss.offset.data()[0]).isCloseTo(ascent ? -2 * LR : 2 * LR, within(1e-6));
    }
  }

  @Test
  void laterPassesSeeTheRowsTheEarlierOnesLeft() {
    // two passes per step, model then offset: the model takes one step per batch, the offset one per batch
    OffsetBpr loss = new OffsetBpr(false, List.of(MODEL, OFFSET), List.of(MODEL, OFFSET));
    Trainer trainer = trainer(1, SmallRuns.mf(TRAIN), loss);
    trainer.fit();
    int steps = (TRAIN.size() + 31) / 32;
    assertThat(trainer.optimizer().steps()).isEqualTo(steps);
    assertThat(trainer.ownParameters().get(0).optimizer().steps()).isEqualTo(steps);
    assertThat(trainer.state().records().get(0).terms()).containsKeys("offset-bpr", "offset-bpr-offset");
  }

  @Test
  void aResumedRunEndsWhereAnUninterruptedOneDoes(@TempDir Path dir) throws IOException {
    MatrixFactorization whole = SmallRuns.mf(TRAIN);
    OffsetBpr wholeLoss = new OffsetBpr(true, List.of(BOTH), List.of(OFFSET));
    trainer(4, whole, wholeLoss).fit();

    Path file = dir.resolve("checkpoint.bin");
    OffsetBpr firstLoss = new OffsetBpr(true, List.of(BOTH), List.of(OFFSET));
    Trainer first = trainer(2, SmallRuns.mf(TRAIN), firstLoss);
    first.fit();
    Checkpoint.save(file, first);
    MatrixFactorization resumedModel = SmallRuns.mf(TRAIN);
    OffsetBpr resumedLoss = new OffsetBpr(true, List.of(BOTH), List.of(OFFSET));
    Trainer resumed = trainer(4, resumedModel, resumedLoss, 2);
    Checkpoint.restore(file, resumed);
    assertThat(resumedLoss.offset.data()).containsExactly(firstLoss.offset.data());
    Map<String, float[]> state = first.ownParameters().get(0).optimizer().state();
    assertThat(resumed.ownParameters().get(0).optimizer().steps()).isEqualTo(first.ownParameters().get(0).optimizer().steps());
    state.forEach((name, values) ->
        assertThat(resumed.ownParameters().get(0).optimizer().state().get(name)).as(name).containsExactly(values));
    resumed.fit();
    assertThat(resumedLoss.offset.data()).containsExactly(wholeLoss.offset.data());
    for (int t = 0; t < 2; t++) {
      assertThat(resumedModel.parameters().get(t).data()).containsExactly(whole.parameters().get(t).data());
    }
  }

  @Test
  void aCheckpointOfAnotherLossIsRefused(@TempDir Path dir) throws IOException {
    Path plain = dir.resolve("plain.bin");
    MatrixFactorization mf = SmallRuns.mf(TRAIN);
    Loss bpr = new OffsetBpr(false, List.of(MODEL), List.of(MODEL));
    Trainer without = new Trainer(new TrainerConfig(1, 32, 1, 10, "ndcg@20", 4, 0),
        Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "plain", plainLoss(bpr), List.of())), mf,
        new UniformSampler(TRAIN, SamplerConfig.DEFAULTS), adam(mf), SmallRuns.risingScore(0), TRAIN, Parallel.serial());
    without.fit();
    Checkpoint.save(plain, without);
    assertThatThrownBy(() -> Checkpoint.restore(plain, trainer(1, SmallRuns.mf(TRAIN), new OffsetBpr(false, List.of(MODEL), List.of(MODEL)))))
        .isInstanceOf(IOException.class).hasMessageContaining("0 loss parameter groups").hasMessageContaining("train.loss");

    Path owning = dir.resolve("owning.bin");
    Trainer with = trainer(1, SmallRuns.mf(TRAIN), new OffsetBpr(false, List.of(BOTH), List.of(BOTH)));
    with.fit();
    Checkpoint.save(owning, with);
    MatrixFactorization other = SmallRuns.mf(TRAIN);
    Trainer plainTrainer = new Trainer(new TrainerConfig(1, 32, 1, 10, "ndcg@20", 4, 0),
        Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "plain", plainLoss(bpr), List.of())), other,
        new UniformSampler(TRAIN, SamplerConfig.DEFAULTS), adam(other), SmallRuns.risingScore(0), TRAIN, Parallel.serial());
    assertThatThrownBy(() -> Checkpoint.restore(owning, plainTrainer))
        .isInstanceOf(IOException.class).hasMessageContaining("the configured loss owns none");
  }

  /** The loss seen as a plain {@link Loss}: no groups, one model pass. */
  private static Loss plainLoss(Loss loss) {
    return new Loss() {
      @Override
      public boolean usesNegatives() {
        return true;
      }

      @Override
      public double valueAndGradient(Batch batch, double weight) {
        return loss.valueAndGradient(batch, weight);
      }
    };
  }

  private static Trainer trainer(int epochs, MatrixFactorization mf, OffsetBpr loss) {
    return trainer(epochs, mf, loss, 0);
  }

  private static Trainer trainer(int epochs, MatrixFactorization mf, OffsetBpr loss, int firstEpoch) {
    TrainerConfig config = new TrainerConfig(epochs, 32, 1, 10, "ndcg@20", 4, 0);
    return new Trainer(config, Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "offset-bpr", loss, List.of())), mf,
        new UniformSampler(TRAIN, SamplerConfig.DEFAULTS), adam(mf), SmallRuns.risingScore(firstEpoch), TRAIN, Parallel.serial());
  }

  private static Adam adam(MatrixFactorization mf) {
    return new Adam(new AdamConfig(LR, 0, 0.9, 0.999, 1e-8, false), mf.parameters());
  }
}
