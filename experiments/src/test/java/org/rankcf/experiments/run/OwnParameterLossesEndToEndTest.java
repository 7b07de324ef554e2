package org.rankcf.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.TrainingListener;

/**
 * The losses with parameters or passes of their own, trained through the CLI's config path on the bundled
 * Last.fm data for a few epochs, and a run interrupted and resumed from its checkpoint.
 */
class OwnParameterLossesEndToEndTest {
  private static final ConfigLoader LOADER = new ConfigLoader(DiscoveredPlugins.load().registry());
  private static final String NAME = "interrupted";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "train.loss={name: llpauc, alpha: 0.7, beta: 0.1}|model.init-std=0.01",
      "train.loss={name: advinfonce, temperature: 0.2, adversarial-every: 2}|train.sampler.negatives=16;train.optimizer.lr=0.1;model.init-std=1.0",
      "train.loss={name: guidedrec, negatives: 9}|train.sampler.negatives=9;train.optimizer.lr=0.01",
      "train.loss={name: lambdaloss-at-k, k: 20}|train.optimizer.lr=0.01",
  })
  void trainsOnTheBundledData(String loss, String extra, @TempDir Path out) {
    List<EpochRecord> epochs = new TrainingRun(config(loss, extra), Path.of(".."), null).execute(out).result().epochs();
    for (EpochRecord epoch : epochs) {
      assertThat(epoch.loss()).isFinite();
    }
    assertThat(epochs.get(epochs.size() - 1).validation().get("ndcg@20"))
        .isGreaterThan(1.5 * epochs.get(0).validation().get("ndcg@20"));
  }

  /**
   * Interrupted after epoch 1 (advinfonce: its adversarial epoch; slatk: its beta update, checkpointed), resumed,
   * and compared with a whole run.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "train.loss={name: llpauc, alpha: 0.7, beta: 0.1}|model.init-std=0.01",
      "train.loss={name: advinfonce, temperature: 0.2, adversarial-every: 2}|train.sampler.negatives=16;train.optimizer.lr=0.1;model.init-std=1.0",
      "train.loss={name: slatk, k: 20, temperature: 0.2, quantile-temperature: 2.5, quantile-interval: 2}|train.sampler.negatives=32;train.optimizer.lr=0.05;model.init-std=1.0",
  })
  void anInterruptedRunResumesToTheSameBits(String loss, String extra, @TempDir Path parent, @TempDir Path whole) {
    TrainingRun interrupted = new TrainingRun(config(loss, extra), Path.of(".."), null);
    interrupted.addListener(new TrainingListener() {
      @Override
      public void epochDone(EpochRecord record) {
        if (record.epoch() == 1) {
          throw new IllegalStateException("interrupted");
        }
      }
    });
    assertThatThrownBy(() -> interrupted.executeResumable(parent, NAME)).hasMessageContaining("interrupted");
    TrainingRun.RunOutcome resumed = new TrainingRun(config(loss, extra), Path.of(".."), null)
        .executeResumable(parent, NAME);
    TrainingRun.RunOutcome uninterrupted = new TrainingRun(config(loss, extra), Path.of(".."), null).execute(whole);
    assertThat(resumed.test()).isEqualTo(uninterrupted.test());
    assertThat(resumed.result().epochs().stream().map(EpochRecord::loss).toList())
        .isEqualTo(uninterrupted.result().epochs().stream().map(EpochRecord::loss).toList());
  }

  /** The Last.fm MF config with the loss's override and the extra ones (separated by ';'), 3 epochs. */
  private static RunConfig config(String loss, String extra) {
    List<String> all = new java.util.ArrayList<>(List.of(loss));
    all.addAll(List.of(extra.split(";")));
    all.addAll(List.of("threads=1", "train.epochs=3"));
    return LOADER.load(Path.of("configs/lastfm-mf-bpr.yaml"), all);
  }
}
