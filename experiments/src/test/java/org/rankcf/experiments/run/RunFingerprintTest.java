package org.rankcf.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.experiments.CliRun;
import org.rankcf.experiments.TinyDataAccess;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.TrainingListener;
import org.rankcf.framework.util.UserInputException;

/** A checkpoint or finished run is only reused while everything that determines its results is unchanged. */
class RunFingerprintTest {
  @TempDir
  Path dir;

  private Path data;
  private ConfigLoader loader;
  private String stderr;

  @BeforeEach
  void setUp() throws IOException {
    data = TinyDataAccess.write(dir.resolve("tiny"));
    Files.writeString(dir.resolve("run.yaml"), TinyDataAccess.config(data, 4));
    loader = new ConfigLoader(DiscoveredPlugins.load().registry());
  }

  private RunConfig config(String... overrides) {
    return loader.load(dir.resolve("run.yaml"), List.of(overrides));
  }

  private void interrupt(RunConfig config, Path parent) {
    TrainingRun first = new TrainingRun(config, dir, null);
    first.addListener(new TrainingListener() {
      @Override
      public void epochDone(EpochRecord record) {
        if (record.epoch() == 1) {
          throw new IllegalStateException("killed");
        }
      }
    });
    assertThatThrownBy(() -> first.executeResumable(parent, "run")).hasMessage("killed");
  }

  @Test
  void theDiffNamesEveryChangedKeyWithOldAndNewValue() {
    RunFingerprint a = RunFingerprint.of(config(), "h1");
    RunFingerprint b = RunFingerprint.of(config("train.optimizer.lr=0.5", "seed=8", "threads=1", "name=other"), "h2");
    assertThat(b.changesFrom(a)).containsExactly("config.data.seed: 7 -> 8", "config.seed: 7 -> 8", "config.train.optimizer.lr: 0.01 -> 0.5",
        "split_hash: h1 -> h2");
    assertThat(RunFingerprint.of(config("threads=1"), "h1").changesFrom(a)).as("threads and name do not count").isEmpty();
  }

  @Test
  void resumingAfterAConfigChangeIsRefusedSayingWhatChangedAndTheOldRunIsUntouched() throws IOException {
    Path parent = dir.resolve("runs");
    interrupt(config(), parent);
    Path partial = parent.resolve(".run.partial");
    byte[] checkpoint = Files.readAllBytes(partial.resolve("checkpoint.bin"));
    String manifest = Files.readString(partial.resolve("manifest.json"));

    RunConfig changed = config("train.optimizer.lr=0.02");
    assertThatThrownBy(() -> new TrainingRun(changed, dir, null).executeResumable(parent, "run"))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("the interrupted run " + parent.resolve("run") + " was made with different settings")
        .hasMessageContaining("config.train.optimizer.lr: 0.01 -> 0.02")
        .hasMessageContaining("use a new --out to keep it, or --discard-changed to discard it");
    assertThat(Files.readAllBytes(partial.resolve("checkpoint.bin"))).isEqualTo(checkpoint);
    assertThat(Files.readString(partial.resolve("manifest.json"))).as("the manifest still tells the old config").isEqualTo(manifest);

    new TrainingRun(changed, dir, null).executeResumable(parent, "run", true);
    Path whole = dir.resolve("whole");
    new TrainingRun(changed, dir, null).executeResumable(whole, "run");
    assertThat(Yaml.JSON.readTree(parent.resolve("run/metrics.json").toFile()).get("test"))
        .as("the discarded checkpoint did not leak into the new run")
        .isEqualTo(Yaml.JSON.readTree(whole.resolve("run/metrics.json").toFile()).get("test"));
    assertThat(Yaml.JSON.readTree(parent.resolve("run").resolve(RunFingerprint.FILE).toFile()))
        .isEqualTo(RunFingerprint.read(whole.resolve("run")).content());
  }

  @Test
  void anUnchangedConfigResumesAndAnotherThreadCountIsNoChange() {
    Path parent = dir.resolve("runs");
    interrupt(config(), parent);
    new TrainingRun(config("threads=1"), dir, null).executeResumable(parent, "run");
    assertThat(parent.resolve("run/metrics.json")).exists();
  }

  @Test
  void aFinalWriteThatFailsKeepsTheCheckpointAndASecondAttemptFinishes() throws IOException {
    Path parent = dir.resolve("runs");
    TrainingRun run = new TrainingRun(config(), dir, null);
    run.addListener(new TrainingListener() {
      @Override
      public void epochDone(EpochRecord record) {
        try { // a folder where metrics.json must go: the final write fails as on a full disk
          Files.createDirectories(parent.resolve(".run.partial/metrics.json/blocker"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
    assertThatThrownBy(() -> run.executeResumable(parent, "run")).isInstanceOf(UserInputException.class)
        .hasMessageContaining("metrics.json").hasMessageContaining("; the trained run is kept in " + parent.resolve(".run.partial"));
    assertThat(parent.resolve(".run.partial/checkpoint.bin")).exists();
    Files.delete(parent.resolve(".run.partial/metrics.json/blocker"));
    Files.delete(parent.resolve(".run.partial/metrics.json"));
    new TrainingRun(config(), dir, null).executeResumable(parent, "run");
    Path whole = dir.resolve("whole");
    new TrainingRun(config(), dir, null).executeResumable(whole, "run");
    assertThat(Yaml.JSON.readTree(parent.resolve("run/metrics.json").toFile()).get("test"))
        .isEqualTo(Yaml.JSON.readTree(whole.resolve("run/metrics.json").toFile()).get("test"));
  }

  private int cli(String... args) {
    CliRun run = CliRun.of(args);
    stderr = run.stderr();
    return run.code();
  }

  @Test
  void aSweepRerunAfterAVariantChangedRefusesToReportTheOldResults() throws IOException {
    String grid = "name: fp\nbase: run.yaml\nvariants:\n  bpr: {train.optimizer.lr: %s}\naxes:\n  seed: [1]\n";
    Files.writeString(dir.resolve("grid.yaml"), grid.formatted("0.01"));
    Path sweep = dir.resolve("sweep");
    assertThat(cli("sweep", dir.resolve("grid.yaml").toString(), "--out", sweep.toString(), "--no-report")).as(stderr).isZero();
    assertThat(cli("sweep", dir.resolve("grid.yaml").toString(), "--out", sweep.toString(), "--no-report")).isZero();
    assertThat(stderr).contains("done earlier, skipped");

    Files.writeString(dir.resolve("grid.yaml"), grid.formatted("0.03"));
    assertThat(cli("sweep", dir.resolve("grid.yaml").toString(), "--out", sweep.toString(), "--no-report")).isEqualTo(2);
    assertThat(stderr.strip()).doesNotContain("\n").contains("config.train.optimizer.lr: 0.01 -> 0.03")
        .contains("--discard-changed");
    assertThat(cli("sweep", dir.resolve("grid.yaml").toString(), "--out", sweep.toString(), "--no-report",
        "--discard-changed")).as(stderr).isZero();
    assertThat(stderr).contains("discarded").doesNotContain("skipped");
    assertThat(RunFingerprint.read(sweep.resolve("r000-bpr-seed1")).content().at("/config/train/optimizer/lr").asDouble())
        .isEqualTo(0.03);
  }
}
