package org.rankcf.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.TrainingListener;
import org.rankcf.framework.util.UserInputException;

/** An interrupted Last.fm run whose checkpoint is then damaged: refused, resumed from the earlier one, or restarted. */
class DamagedCheckpointTest {
  private static final ConfigLoader LOADER = new ConfigLoader(
      DiscoveredPlugins.load().registry());
  private static final String NAME = "interrupted";

  @Test
  void damagedCheckpointIsRefusedInOneLineAndNothingIsCommitted(@TempDir Path parent) throws IOException {
    interruptAndDamage(parent);
    TrainingRun run = new TrainingRun(config(), Path.of(".."), null);
    assertThatThrownBy(() -> run.executeResumable(parent, NAME)).isInstanceOf(UserInputException.class)
        .hasMessageContaining("checkpoint.bin: damaged checkpoint (checksum mismatch)")
        .hasMessageContaining("--damaged-checkpoint previous").hasMessageContaining("--damaged-checkpoint restart")
        .hasMessageNotContaining("\n");
    assertThat(parent.resolve(NAME)).doesNotExist();
  }

  /** PREVIOUS resumes one epoch earlier, RESTART from scratch: both end as the uninterrupted run. */
  @ParameterizedTest
  @EnumSource(value = DamagedCheckpoint.class, names = {"PREVIOUS", "RESTART"})
  void theChosenFallbackEndsAsTheUninterruptedRun(DamagedCheckpoint choice, @TempDir Path parent, @TempDir Path whole)
      throws IOException {
    interruptAndDamage(parent);
    TrainingRun run = new TrainingRun(config(), Path.of(".."), null);
    run.onDamagedCheckpoint(choice);
    assertSameAsUninterrupted(run.executeResumable(parent, NAME), whole);
  }

  private static void assertSameAsUninterrupted(TrainingRun.RunOutcome resumed, Path whole) throws IOException {
    TrainingRun.RunOutcome uninterrupted = new TrainingRun(config(), Path.of(".."), null).execute(whole);
    assertThat(resumed.test()).isEqualTo(uninterrupted.test());
    assertThat(resumed.result().epochs()).extracting(EpochRecord::loss)
        .isEqualTo(uninterrupted.result().epochs().stream().map(EpochRecord::loss).toList());
    assertThat(Files.readAllLines(resumed.directory().resolve("trajectory.jsonl"))).hasSize(3);
    assertThat(resumed.directory().resolve("checkpoint.bin.previous")).doesNotExist();
  }

  /** Stops the run after its second epoch's checkpoint, then flips a byte of that checkpoint. */
  private static void interruptAndDamage(Path parent) throws IOException {
    TrainingRun run = new TrainingRun(config(), Path.of(".."), null);
    run.addListener(new TrainingListener() {
      @Override
      public void epochDone(EpochRecord record) {
        if (record.epoch() == 1) {
          throw new IllegalStateException("interrupted");
        }
      }
    });
    assertThatThrownBy(() -> run.executeResumable(parent, NAME)).hasMessageContaining("interrupted");
    Path checkpoint = parent.resolve("." + NAME + ".partial").resolve("checkpoint.bin");
    byte[] bytes = Files.readAllBytes(checkpoint);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(checkpoint, bytes);
  }

  private static RunConfig config() {
    return LOADER.load(Path.of("configs/lastfm-mf-bpr.yaml"), List.of("threads=1", "train.epochs=3"));
  }
}
