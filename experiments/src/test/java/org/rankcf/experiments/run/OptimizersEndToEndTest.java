package org.rankcf.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.framework.train.EpochRecord;

/** MF-BPR on the bundled Last.fm data for a few epochs with each optimiser. */
class OptimizersEndToEndTest {
  private static final ConfigLoader LOADER = new ConfigLoader(
      DiscoveredPlugins.load().registry());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{name: adamw, lr: 0.005, weight-decay: 0.01}",
      "{name: sgd, lr: 20, momentum: 0.9, nesterov: true}",
      "{name: sgd, lr: 50, lazy: true}",
      "{name: adagrad, lr: 0.05}",
      "{name: adagrad, lr: 0.05, lazy: true}",
      "{name: adam, lr: 0.005, lazy: true}",
  })
  void everyOptimiserLearns(String optimizer, @TempDir Path out) {
    List<EpochRecord> epochs = run(out, "train.optimizer=" + optimizer).result().epochs();
    for (int e = 1; e < epochs.size(); e++) {
      assertThat(epochs.get(e).loss()).as("epoch %d", e).isLessThan(epochs.get(e - 1).loss());
    }
    assertThat(epochs.get(epochs.size() - 1).validation().get("ndcg@20"))
        .isGreaterThan(1.5 * epochs.get(0).validation().get("ndcg@20"));
  }

  /**
   * The default optimiser section is today's Adam, bit for bit: the numbers below are what the same config
   * gave on one thread before optimisers became plug-ins (main at 8300ba5, rankcf train ... --max-epochs 4
   * --set threads=1), with the unseen-in-train test pairs kept as main then did. The epoch-0 loss moved in its
   * eleventh digit when the Vector kernels' lane sums got a fixed order (VectorKernels.laneSum); the metrics
   * did not.
   */
  @Test
  void theDefaultAdamGivesTheNumbersItGaveBeforeThePlugIns(@TempDir Path out) {
    TrainingRun.RunOutcome outcome = new TrainingRun(LOADER.load(Path.of("configs/lastfm-mf-bpr.yaml"),
        List.of("threads=1", "data.unseen=keep", "train.epochs=4")), Path.of(".."), null).execute(out);
    assertThat(outcome.result().epochs().get(0).loss()).isEqualTo(0.6941998894167044);
    assertThat(outcome.result().epochs().get(3).validation().get("ndcg@20")).isEqualTo(0.013535323900731875);
    assertThat(outcome.test().get("ndcg@20")).isEqualTo(0.014704237196989111);
  }

  private static TrainingRun.RunOutcome run(Path out, String override) {
    return new TrainingRun(LOADER.load(Path.of("configs/lastfm-mf-bpr.yaml"), List.of(override, "train.epochs=4")),
        Path.of(".."), null).execute(out);
  }
}
