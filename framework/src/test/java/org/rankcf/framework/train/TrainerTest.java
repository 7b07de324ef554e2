package org.rankcf.framework.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.AugmentedModel;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.model.graph.LightGcn;
import org.rankcf.framework.model.graph.LightGcnConfig;
import org.rankcf.framework.optim.Adam;
import org.rankcf.framework.optim.AdamConfig;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.sampler.UniformSampler;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.spi.Evaluator;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;
import org.rankcf.framework.util.UserInputException;

class TrainerTest {
  private static final Interactions TRAIN = randomPairs(40, 30, 300, 1);

  /** A loss that pulls positive pairs together: mean of -s(u, i); enough to move parameters. */
  private static final class PullLoss implements Loss {
    final List<String> phases = new ArrayList<>();
    private final String tag;

    PullLoss(String tag) {
      this.tag = tag;
    }

    @Override
    public boolean usesNegatives() {
      return true;
    }

    @Override
    public double valueAndGradient(Batch b, double weight) {
      phases.add(tag);
      int d = b.dim();
      double sum = 0;
      float scale = (float) (-weight / b.size());
      for (int p = 0; p < b.size(); p++) {
        int u = b.userRow()[p] * d;
        int i = b.positiveRow()[p] * d;
        for (int c = 0; c < d; c++) {
          sum -= b.users()[u + c] * b.items()[i + c];
          b.userGrad()[u + c] += scale * b.items()[i + c];
          b.itemGrad()[i + c] += scale * b.users()[u + c];
        }
      }
      return sum / b.size();
    }
  }

  /** A loss of constant value, without gradient and without negatives. */
  private static Loss constantLoss(double value) {
    return new Loss() {
      @Override
      public boolean usesNegatives() {
        return false;
      }

      @Override
      public double valueAndGradient(Batch batch, double weight) {
        return value;
      }
    };
  }

  /** Returns a scripted selection metric per epoch. */
  private static Evaluator scripted(double... scores) {
    int[] epoch = {0};
    return model -> Map.of("ndcg@20", scores[Math.min(epoch[0]++, scores.length - 1)]);
  }

  private static Trainer trainer(Schedule schedule, Evaluator evaluator, int maxEpochs, long seed, MatrixFactorization mf) {
    return trainer(schedule, evaluator, maxEpochs, seed, mf, 0);
  }

  private static Trainer trainer(
      Schedule schedule, Evaluator evaluator, int maxEpochs, long seed, MatrixFactorization mf, int minEpochs) {
    TrainerConfig config = new TrainerConfig(maxEpochs, 64, 1, 2, "ndcg@20", seed, minEpochs);
    return new Trainer(config, schedule, mf, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
        new Adam(new AdamConfig(0.01, 1e-4, 0.9, 0.999, 1e-8, false), mf.parameters()), evaluator, TRAIN,
        Parallel.serial());
  }

  private static MatrixFactorization mf() {
    return new MatrixFactorization(TRAIN.numUsers(), TRAIN.numItems(), 8, new Initializer("normal", 0.1), 5);
  }

  @Test
  void warmPhaseCoversEpochsZeroToWThenTuneAndEarlyStoppingCountsOnlyInTune() {
    PullLoss warmLoss = new PullLoss("warm");
    PullLoss tuneLoss = new PullLoss("tune");
    Schedule schedule = new Schedule(new Phase(PhaseKind.WARM, "pull", warmLoss, List.of()),
        new Phase(PhaseKind.TUNE, "pull", tuneLoss, List.of()), 2, false, 1);
    // no improvement at all during warm must not stop training; in tune, patience 2 stops after epoch 5
    TrainingResult result = trainer(schedule, scripted(0.5, 0.4, 0.3, 0.6, 0.55, 0.55, 0.9), 20, 1, mf()).fit();
    assertThat(result.epochs()).extracting(EpochRecord::phase)
        .containsExactly("warm", "warm", "warm", "tune", "tune", "tune");
    assertThat(result.switchEpoch()).isEqualTo(3);
    assertThat(result.bestEpoch()).isEqualTo(3);
    assertThat(result.stopReason()).isEqualTo("early-stopping");
    assertThat(warmLoss.phases).isNotEmpty();
    assertThat(tuneLoss.phases).isNotEmpty();
  }

  @Test
  void tunePatienceIsMeasuredAgainstTheTunePhasesOwnBest() {
    Schedule schedule = new Schedule(new Phase(PhaseKind.WARM, "pull", new PullLoss("w"), List.of()),
        new Phase(PhaseKind.TUNE, "pull", new PullLoss("t"), List.of()), 0, false, 1);
    // warm epoch 0 scores 0.5; the tune phase starts lower but keeps improving on its own best
    TrainingResult result = trainer(schedule, scripted(0.5, 0.1, 0.2, 0.3, 0.4, 0.45, 0.6, 0.6, 0.6), 20, 1, mf()).fit();
    assertThat(result.bestEpoch()).isEqualTo(6);
    assertThat(result.epochs()).hasSize(9);
  }

  @Test
  void noEarlyStoppingBeforeMinEpochs() {
    Schedule schedule = Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "pull", new PullLoss("t"), List.of()));
    // a chance-level start that does not improve for four epochs, then climbs
    double[] scores = {0.3, 0.2, 0.2, 0.2, 0.2, 0.4, 0.5, 0.5, 0.5};
    assertThat(trainer(schedule, scripted(scores), 20, 1, mf(), 0).fit().epochs()).hasSize(3);
    TrainingResult patient = trainer(schedule, scripted(scores), 20, 1, mf(), 5).fit();
    assertThat(patient.bestEpoch()).isEqualTo(6);
    assertThat(patient.epochs()).hasSize(9);
  }

  @Test
  void plateauSwitchLeavesWarmPhaseEarly() {
    Schedule schedule = new Schedule(new Phase(PhaseKind.WARM, "pull", new PullLoss("w"), List.of()),
        new Phase(PhaseKind.TUNE, "pull", new PullLoss("t"), List.of()), 10, true, 2);
    TrainingResult result = trainer(schedule, scripted(0.1, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3), 7, 1, mf()).fit();
    assertThat(result.switchEpoch()).isEqualTo(4);
  }

  @Test
  void bestEpochParametersAreRestored() {
    MatrixFactorization model = mf();
    List<float[]> snapshots = new ArrayList<>();
    double[] scores = {0.1, 0.9, 0.2, 0.3};
    int[] epoch = {0};
    Evaluator evaluator = m -> {
      snapshots.add(model.users().data().clone());
      return Map.of("ndcg@20", scores[epoch[0]++]);
    };
    Schedule schedule = Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "pull", new PullLoss("t"), List.of()));
    TrainingResult result = trainer(schedule, evaluator, 4, 3, model).fit();
    assertThat(result.bestEpoch()).isEqualTo(1);
    assertThat(model.users().data()).containsExactly(snapshots.get(1));
  }

  @Test
  void sameSeedGivesBitIdenticalParametersAndOtherSeedDoesNot() {
    Schedule schedule = Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "pull", new PullLoss("t"), List.of()));
    MatrixFactorization a = mf();
    MatrixFactorization b = mf();
    MatrixFactorization c = mf();
    trainer(schedule, scripted(0.1, 0.2, 0.3), 3, 11, a).fit();
    trainer(schedule, scripted(0.1, 0.2, 0.3), 3, 11, b).fit();
    trainer(schedule, scripted(0.1, 0.2, 0.3), 3, 12, c).fit();
    assertThat(a.users().data()).containsExactly(b.users().data());
    assertThat(a.users().data()).isNotEqualTo(c.users().data());
  }

  /** Counts, over a whole training run, how often each user's pairs were drawn; fails on a pair not in train. */
  private static int[] drawsPerUser(PairSampling pairs, long seed, int epochs) {
    int[] draws = new int[TRAIN.numUsers()];
    Loss counting = new Loss() {
      @Override
      public boolean usesNegatives() {
        return false;
      }

      @Override
      public double valueAndGradient(Batch b, double weight) {
        for (int p = 0; p < b.size(); p++) {
          int user = b.uniqueUserIds()[b.userRow()[p]];
          int item = b.uniqueItemIds()[b.positiveRow()[p]];
          assertThat(TRAIN.contains(user, item)).as("drawn pair (%d, %d) is a train pair", user, item).isTrue();
          draws[user]++;
        }
        return 0;
      }
    };
    TrainerConfig config = new TrainerConfig(epochs, 64, 0, epochs + 1, "ndcg@20", seed, 0, pairs);
    MatrixFactorization mf = mf();
    new Trainer(config, Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "count", counting, List.of())), mf,
        new UniformSampler(TRAIN, SamplerConfig.DEFAULTS), new Adam(AdamConfig.DEFAULTS, mf.parameters()),
        scripted(0.1), TRAIN, Parallel.serial()).fit();
    return draws;
  }

  @Test
  void pairSamplingAllDrawsEveryPairOnceAndUserUniformGivesUsersEqualShares() {
    int epochs = 100;
    int[] all = drawsPerUser(PairSampling.ALL, 3, epochs);
    int[] uniform = drawsPerUser(PairSampling.USER_UNIFORM, 3, epochs);
    int active = (int) java.util.stream.IntStream.range(0, TRAIN.numUsers()).filter(u -> TRAIN.userDegree(u) > 0).count();
    double expected = (double) epochs * TRAIN.size() / active;
    for (int u = 0; u < TRAIN.numUsers(); u++) {
      assertThat(all[u]).isEqualTo(epochs * TRAIN.userDegree(u));
      if (TRAIN.userDegree(u) == 0) {
        assertThat(uniform[u]).isZero();
      } else {
        // binomial(epochs * |train|, 1 / active): 5 standard deviations are about 20% of the mean here
        assertThat((double) uniform[u]).isCloseTo(expected, within(5 * Math.sqrt(expected)));
      }
    }
    assertThat(java.util.Arrays.stream(uniform).sum()).isEqualTo(epochs * TRAIN.size());
    assertThat(drawsPerUser(PairSampling.USER_UNIFORM, 3, 3)).containsExactly(drawsPerUser(PairSampling.USER_UNIFORM, 3, 3));
    // the degrees differ, so user-uniform shares are not the activity-weighted ones
    assertThat(uniform).isNotEqualTo(all);
  }

  @Test
  void epochRecordsBreakTheTrainingTimeDownByTerm() {
    Regularizer slow = (batch, weight) -> {
      long until = System.nanoTime() + 2_000_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return 0;
    };
    Schedule schedule = Schedule.tuneOnly(
        new Phase(PhaseKind.TUNE, "pull", new PullLoss("tune"), List.of(new WeightedRegularizer("slow", slow, 1.0))));
    TrainingResult result = trainer(schedule, scripted(0.1, 0.2), 2, 9, mf()).fit();
    for (EpochRecord record : result.epochs()) {
      assertThat(record.termSeconds()).containsOnlyKeys("pull", "slow");
      // at least 2 ms per step, one step per epoch at this batch size or more
      assertThat(record.termSeconds().get("slow")).isGreaterThanOrEqualTo(0.002);
      assertThat(record.termSeconds().get("pull")).isNotNegative();
      assertThat(record.updateSeconds()).isPositive();
      double parts = record.termSeconds().values().stream().mapToDouble(Double::doubleValue).sum()
          + record.updateSeconds();
      assertThat(parts).isLessThanOrEqualTo(record.trainSeconds());
    }
  }

  @Test
  void resumingFromACheckpointEndsExactlyAsAnUninterruptedRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    Schedule schedule = new Schedule(new Phase(PhaseKind.WARM, "pull", new PullLoss("w"), List.of()),
        new Phase(PhaseKind.TUNE, "pull", new PullLoss("t"), List.of()), 1, false, 1);
    double[] scores = {0.1, 0.3, 0.2, 0.4, 0.35, 0.3, 0.3};
    MatrixFactorization whole = mf();
    TrainingResult expected = trainer(schedule, scripted(scores), 7, 9, whole).fit();

    // checkpoint after every epoch and die after the third, then resume in a fresh trainer and model
    java.nio.file.Path file = dir.resolve("checkpoint.bin");
    Trainer interrupted = trainer(schedule, scripted(scores), 7, 9, mf());
    interrupted.addListener(new TrainingListener() {
      @Override
      public void epochDone(EpochRecord record) {
        try {
          Checkpoint.save(file, interrupted);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        if (record.epoch() == 2) {
          throw new IllegalStateException("killed");
        }
      }
    });
    assertThatThrownBy(interrupted::fit).hasMessage("killed");
    MatrixFactorization second = mf();
    Evaluator rest = scripted(java.util.Arrays.copyOfRange(scores, 3, scores.length));
    Trainer resumed = trainer(schedule, rest, 7, 9, second);
    Checkpoint.restore(file, resumed);
    TrainingResult actual = resumed.fit();

    assertThat(actual.bestEpoch()).isEqualTo(expected.bestEpoch());
    // the epochs before the interruption come back from the checkpoint as they were recorded
    List<EpochRecord> saved = interrupted.state().records();
    for (int e = 0; e < 3; e++) {
      assertThat(actual.epochs().get(e).termSeconds()).isEqualTo(saved.get(e).termSeconds());
      assertThat(actual.epochs().get(e).updateSeconds()).isEqualTo(saved.get(e).updateSeconds());
    }
    assertThat(actual.epochs()).extracting(EpochRecord::loss)
        .containsExactlyElementsOf(expected.epochs().stream().map(EpochRecord::loss).toList());
    assertThat(second.users().data()).containsExactly(whole.users().data());
    assertThat(second.items().data()).containsExactly(whole.items().data());
  }

  @Test
  void mfTrainsBitIdenticallyToLightGcnWithoutLayers() {
    // MF's dense step adds the batch rows inside Adam; LightGCN with K = 0 (weight 1) takes the scatter,
    // backward and plain Adam route: the same sums in the same order. A regularizer on the full-table gradient
    // checks that such terms and the batch rows add up as before.
    Regularizer tableTerm = new Regularizer() {
      @Override
      public double valueAndGradient(Batch batch, double weight) {
        batch.userParameterGrad()[3] += (float) weight;
        batch.itemParameterGrad()[17] -= (float) weight;
        return 0;
      }

      @Override
      public boolean readsWholeTables() {
        return true;
      }
    };
    Schedule schedule = Schedule.tuneOnly(
        new Phase(PhaseKind.TUNE, "pull", new PullLoss("tune"), List.of(new WeightedRegularizer("table", tableTerm, 0.5))));
    TrainerConfig config = new TrainerConfig(3, 64, 1, 100, "ndcg@20", 9, 0);
    try (Parallel parallel = new Parallel(2)) {
      MatrixFactorization mf = mf();
      new Trainer(config, schedule, mf, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
          new Adam(new AdamConfig(0.01, 1e-4, 0.9, 0.999, 1e-8, false), mf.parameters()), scripted(0.1, 0.2, 0.3),
          TRAIN, parallel).fit();
      LightGcn flat = LightGcn.create(TRAIN, 8, new Initializer("normal", 0.1), new LightGcnConfig(0, null), 5,
          parallel);
      new Trainer(config, schedule, flat, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
          new Adam(new AdamConfig(0.01, 1e-4, 0.9, 0.999, 1e-8, false), flat.parameters()), scripted(0.1, 0.2, 0.3),
          TRAIN, parallel).fit();
      assertThat(flat.parameters().get(0).data()).containsExactly(mf.users().data());
      assertThat(flat.parameters().get(1).data()).containsExactly(mf.items().data());
    }
  }

  @Test
  void lazyAdamRefusesATermOnTheWholeTables() {
    Schedule schedule = Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "pull", new PullLoss("tune"),
        List.of(new WeightedRegularizer("table", new Regularizer() {
          @Override
          public double valueAndGradient(Batch batch, double weight) {
            return 0;
          }

          @Override
          public boolean readsWholeTables() {
            return true;
          }
        }, 0.5))));
    MatrixFactorization mf = mf();
    assertThatThrownBy(() -> new Trainer(new TrainerConfig(1, 64, 1, 2, "ndcg@20", 1, 0), schedule, mf,
        new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
        new Adam(new AdamConfig(0.01, 0, 0.9, 0.999, 1e-8, true), mf.parameters()), scripted(0.1), TRAIN,
        Parallel.serial()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("train.optimizer.lazy");
  }

  @Test
  void gradientsOnAPropagatingModelsParametersReachTheOptimiserWithoutPropagation() {
    // no loss gradient; a regularizer pushes one entry of the layer-0 user table, so after the single step
    // (all pairs in one batch) Adam's first step moves that entry by lr and nothing else. Routed through the
    // final tables instead, the push would spread to the neighbours' layer-0 rows.
    Regularizer push = (batch, weight) -> {
      batch.userParameterGrad()[0] += (float) weight;
      return 0;
    };
    LightGcn model = LightGcn.create(TRAIN, 8, new Initializer("normal", 0.1), LightGcnConfig.DEFAULTS, 5,
        Parallel.serial());
    float[] usersBefore = model.parameters().get(0).data().clone();
    float[] itemsBefore = model.parameters().get(1).data().clone();
    Schedule schedule = Schedule.tuneOnly(
        new Phase(PhaseKind.TUNE, "none", constantLoss(0), List.of(new WeightedRegularizer("push", push, 2.0))));
    double lr = 0.01;
    new Trainer(new TrainerConfig(1, TRAIN.size(), 1, 2, "ndcg@20", 1, 0), schedule, model,
        new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
        new Adam(new AdamConfig(lr, 0, 0.9, 0.999, 1e-8, false), model.parameters()), scripted(0.1), TRAIN,
        Parallel.serial()).fit();
    float[] expected = usersBefore.clone();
    expected[0] -= (float) lr;
    assertThat(model.parameters().get(0).data()).containsExactly(expected, within(1e-6f));
    assertThat(model.parameters().get(1).data()).containsExactly(itemsBefore);
  }

  /** Records every draw an auxiliary objective gets; pushes one layer-0 entry by its first draw. */
  private static final class DrawingTerm implements AuxiliaryObjective {
    final List<Long> draws = new ArrayList<>();

    @Override
    public String name() {
      return "drawing";
    }

    @Override
    public double weight() {
      return 0.25;
    }

    @Override
    public double valueAndGradient(Batch batch, double weight, SplittableRandom random) {
      long draw = random.nextLong();
      draws.add(draw);
      batch.userParameterGrad()[1] += (float) (weight * (draw & 1));
      return 2.0;
    }
  }

  @Test
  void auxiliaryTermsGetAStreamPerStepThatIsTheSameForEveryThreadCountAndEnterTheRecord() {
    Schedule schedule = Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "pull", new PullLoss("tune"), List.of()));
    TrainerConfig config = new TrainerConfig(2, 64, 1, 100, "ndcg@20", 9, 0);
    List<List<Long>> draws = new ArrayList<>();
    List<float[]> tables = new ArrayList<>();
    List<TrainingResult> results = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      try (Parallel parallel = new Parallel(threads)) {
        LightGcn base = LightGcn.create(TRAIN, 8, new Initializer("normal", 0.1), LightGcnConfig.DEFAULTS, 5,
            parallel);
        DrawingTerm term = new DrawingTerm();
        Model model = new AugmentedModel("lightgcn+aux", base, List.of(term));
        results.add(new Trainer(config, schedule, model, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
            new Adam(new AdamConfig(0.01, 0, 0.9, 0.999, 1e-8, false), model.parameters()), scripted(0.1, 0.2),
            TRAIN, parallel).fit());
        draws.add(term.draws);
        tables.add(base.userParameters().data());
      }
    }
    int steps = (TRAIN.size() + 63) / 64;
    assertThat(draws.get(0)).hasSize(2 * steps).doesNotHaveDuplicates().isEqualTo(draws.get(1));
    assertThat(tables.get(1)).containsExactly(tables.get(0));
    EpochRecord first = results.get(0).epochs().get(0);
    assertThat(first.terms()).containsEntry("drawing", 2.0);
    assertThat(first.loss()).isCloseTo(first.terms().get("pull") + 0.25 * 2.0, within(1e-9));
  }

  @Test
  void divergenceIsAUserErrorNamingTheLearningRate() {
    Schedule schedule = Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "nan", constantLoss(Double.NaN), List.of()));
    assertThatThrownBy(() -> trainer(schedule, scripted(0.1), 2, 1, mf()).fit())
        .isInstanceOf(UserInputException.class).hasMessageContaining("train.optimizer.lr");
  }

  private static Interactions randomPairs(int users, int items, int pairs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] u = new int[pairs];
    int[] i = new int[pairs];
    for (int p = 0; p < pairs; p++) {
      u[p] = random.nextInt(users);
      i[p] = random.nextInt(items);
    }
    return Interactions.fromPairs(users, items, u, i);
  }
}
