package org.rankcf.framework.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.optim.Adagrad;
import org.rankcf.framework.optim.AdagradConfig;
import org.rankcf.framework.optim.Sgd;
import org.rankcf.framework.optim.SgdConfig;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.sampler.UniformSampler;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.util.Parallel;

/** Checkpoints carry any optimiser's state: a resumed run ends where an uninterrupted one does. */
class CheckpointOptimizerStateTest {
  private static final Interactions TRAIN = SmallRuns.pairs();

  /** Half the squared score of each positive pair: enough gradient to fill the optimiser's state. */
  static final Loss SQUARED_SCORE = new Loss() {
    @Override
    public boolean usesNegatives() {
      return true;
    }

    @Override
    public double valueAndGradient(Batch b, double weight) {
      int d = b.dim();
      double sum = 0;
      for (int p = 0; p < b.size(); p++) {
        int u = b.userRow()[p] * d;
        int i = b.positiveRow()[p] * d;
        float score = 0;
        for (int c = 0; c < d; c++) {
          score += b.users()[u + c] * b.items()[i + c];
        }
        sum += 0.5 * score * score;
        float scale = (float) (weight * score / b.size());
        for (int c = 0; c < d; c++) {
          b.userGrad()[u + c] += scale * b.items()[i + c];
          b.itemGrad()[i + c] += scale * b.users()[u + c];
        }
      }
      return sum / b.size();
    }
  };

  @Test
  void nesterovSgdResumesExactly(@TempDir Path dir) throws IOException {
    assertResumesExactly(dir, t -> new Sgd(new SgdConfig(0.5, 0.9, true, 1e-3, false, List.of(), 0.1), t));
  }

  @Test
  void adagradResumesExactly(@TempDir Path dir) throws IOException {
    assertResumesExactly(dir, t -> new Adagrad(new AdagradConfig(0.1, 1e-3, 1e-10, 0, false, List.of(), 0.1), t));
  }

  @Test
  void anotherOptimisersCheckpointIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("checkpoint.bin");
    Trainer sgd = trainer(2, new MatrixFactorization(30, 20, 4, new Initializer("normal", 0.1), 3),
        t -> new Sgd(new SgdConfig(0.5, 0.9, false, 0, false, List.of(), 0.1), t));
    sgd.fit();
    Checkpoint.save(file, sgd);
    Trainer adagrad = trainer(2, new MatrixFactorization(30, 20, 4, new Initializer("normal", 0.1), 3),
        t -> new Adagrad(new AdagradConfig(0.1, 0, 1e-10, 0, false, List.of(), 0.1), t));
    assertThatThrownBy(() -> Checkpoint.restore(file, adagrad)).isInstanceOf(IOException.class)
        .hasMessageContaining("optimiser state 'momentum/0'").hasMessageContaining("train.optimizer");
  }

  private static void assertResumesExactly(Path dir, Function<List<EmbeddingTable>, Optimizer> optimizer)
      throws IOException {
    MatrixFactorization whole = SmallRuns.mf(TRAIN);
    Trainer uninterrupted = trainer(4, whole, optimizer, 0);
    uninterrupted.fit();

    Path file = dir.resolve("checkpoint.bin");
    Trainer first = trainer(2, SmallRuns.mf(TRAIN), optimizer, 0);
    first.fit();
    Checkpoint.save(file, first);
    MatrixFactorization resumedModel = SmallRuns.mf(TRAIN);
    Trainer resumed = trainer(4, resumedModel, optimizer, 2);
    Checkpoint.restore(file, resumed);
    assertThat(resumed.optimizer().steps()).isEqualTo(first.optimizer().steps()).isPositive();
    for (Map.Entry<String, float[]> e : first.optimizer().state().entrySet()) {
      assertThat(resumed.optimizer().state().get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
    }
    resumed.fit();
    for (int t = 0; t < 2; t++) {
      assertThat(resumedModel.parameters().get(t).data()).containsExactly(whole.parameters().get(t).data());
    }
  }

  private static Trainer trainer(int epochs, MatrixFactorization mf,
      Function<List<EmbeddingTable>, Optimizer> optimizer) {
    return trainer(epochs, mf, optimizer, 0);
  }

  private static Trainer trainer(int epochs, MatrixFactorization mf,
      Function<List<EmbeddingTable>, Optimizer> optimizer, int firstEpoch) {
    TrainerConfig config = new TrainerConfig(epochs, 32, 1, 10, "ndcg@20", 4, 0);
    Phase phase = new Phase(PhaseKind.TUNE, "squared", SQUARED_SCORE, List.of());
    return new Trainer(config, Schedule.tuneOnly(phase), mf, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
        optimizer.apply(mf.parameters()), SmallRuns.risingScore(firstEpoch), TRAIN, Parallel.serial());
  }
}
