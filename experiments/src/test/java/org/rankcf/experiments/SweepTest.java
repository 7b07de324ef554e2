package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.cli.RankcfCli;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.experiments.run.TrainingRun;
import org.rankcf.framework.plugin.FrameworkModule;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.TrainingListener;
import org.rankcf.reports.HeadlessChromium;

/** Sweeps end to end: results, statistics, the report in Chromium, and resuming a killed run. */
class SweepTest {
  @TempDir
  Path dir;

  private Path data;

  @BeforeEach
  void writeData() throws IOException {
    data = TinyData.write(dir.resolve("tiny"));
  }

  @Test
  void sweepWritesResultsStatisticsAndAReportThatChromiumRenders() throws Exception {
    Files.writeString(dir.resolve("base.yaml"), TinyData.config(data, 4));
    Files.writeString(dir.resolve("grid.yaml"), """
        name: tiny-study
        base: base.yaml
        variants:
          bpr: {}
          bpr+sr: {train.warm-start: {epochs: 1, regularizers: [{name: stable-rank, weight: 1.0}]}}
        axes:
          seed: [1, 2]
          train.optimizer.lr: [0.01, 0.05]
        select-over: [train.optimizer.lr]
        compare: [[bpr, bpr+sr]]
        """);
    Path sweep = dir.resolve("sweep");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RankcfCli.run(new String[] {"sweep", dir.resolve("grid.yaml").toString(), "--out", sweep.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo(sweep.toString());
    assertThat(lines).anyMatch(l -> l.startsWith("bpr+sr vs bpr:"));

    JsonNode results = Yaml.JSON.readTree(sweep.resolve("results.json").toFile());
    assertThat(results).hasSize(8);
    long selected = 0;
    for (JsonNode row : results) {
      selected += row.get("selected").asBoolean() ? 1 : 0;
    }
    assertThat(selected).as("one selected run per arm and seed").isEqualTo(4);
    assertThat(Files.readAllLines(sweep.resolve("results.csv"))).hasSize(9);
    JsonNode stats = Yaml.JSON.readTree(sweep.resolve("stats.json").toFile());
    assertThat(stats.get("arms").get("bpr").get("seeds").asInt()).isEqualTo(2);
    JsonNode comparison = stats.get("comparisons").get(0);
    assertThat(comparison.get("paired_seeds").asInt()).isEqualTo(2);
    assertThat(comparison.get("per_user_tests")).hasSize(2);
    assertThat(comparison.get("user_pairs").asInt()).isGreaterThan(50);
    assertThat(comparison.get("test_ndcg@20_wilcoxon_p_over_users").asDouble()).isBetween(0.0, 1.0);
    // times to best: the change of the means over the seeds, as rankcf tables and rankcf map show them
    double[] epochs = new double[2];
    double[] seconds = new double[2];
    for (JsonNode row : results) {
      if (row.get("selected").asBoolean()) {
        int arm = row.get("arm").asText().equals("bpr") ? 0 : 1;
        epochs[arm] += (row.get("best_epoch").asInt() + 1) / 2.0;
        seconds[arm] += row.get("seconds_to_best").asDouble() / 2.0;
      }
    }
    assertThat(comparison.get("epochs_to_best_baseline_mean").asDouble()).isCloseTo(epochs[0], within(1e-9));
    assertThat(comparison.get("epochs_to_best_treatment_mean").asDouble()).isCloseTo(epochs[1], within(1e-9));
    assertThat(comparison.get("epochs_to_best_reduction_pct").asDouble())
        .isCloseTo(100 * (epochs[0] - epochs[1]) / epochs[0], within(1e-9));
    assertThat(comparison.get("seconds_to_best_reduction_pct").asDouble())
        .isCloseTo(100 * (seconds[0] - seconds[1]) / seconds[0], within(1e-6));

    // a second invocation finds every run done and only rewrites the tables
    err.reset();
    code = RankcfCli.run(new String[] {"sweep", dir.resolve("grid.yaml").toString(), "--out", sweep.toString(), "--no-report"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("skipped"))).hasSize(8);

    Path report = sweep.resolve("report.html");
    String html = Files.readString(report);
    int images = html.split("data:image/png;base64,", -1).length - 1;
    assertThat(images).isGreaterThan(5);
    HeadlessChromium.require();
    HeadlessChromium.assertImagesDecoded(report, images, dir);
  }

  @Test
  void aRunKilledAfterAFewEpochsResumesToTheSameMetricsAsAnUninterruptedRun() throws IOException {
    Files.writeString(dir.resolve("run.yaml"), TinyData.config(data, 6));
    ConfigLoader loader = new ConfigLoader(com.google.inject.Guice.createInjector(new FrameworkModule(),
        new org.rankcf.losses.LossesModule(), new org.rankcf.regularizers.RegularizersModule(),
        new org.rankcf.evaluation.EvaluationModule())
        .getInstance(org.rankcf.framework.plugin.PluginRegistry.class));
    RunConfig config = loader.load(dir.resolve("run.yaml"), List.of(
        "train.warm-start={epochs: 1, regularizers: [{name: stable-rank, weight: 1.0}]}"));

    Path whole = dir.resolve("whole");
    new TrainingRun(config, dir, null).executeResumable(whole, "run");

    Path killed = dir.resolve("killed");
    TrainingRun first = new TrainingRun(config, dir, null);
    first.addListener(new TrainingListener() {
      @Override
      public void epochDone(EpochRecord record) {
        if (record.epoch() == 2) {
          throw new IllegalStateException("killed");
        }
      }
    });
    assertThatThrownBy(() -> first.executeResumable(killed, "run")).hasMessage("killed");
    assertThat(killed.resolve(".run.partial").resolve("checkpoint.bin")).exists();
    new TrainingRun(config, dir, null).executeResumable(killed, "run");

    JsonNode expected = Yaml.JSON.readTree(whole.resolve("run").resolve("metrics.json").toFile());
    JsonNode actual = Yaml.JSON.readTree(killed.resolve("run").resolve("metrics.json").toFile());
    for (String key : List.of("best_epoch", "epochs_run", "validation", "test", "user_stable_rank", "item_stable_rank")) {
      assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
    }
    assertThat(Files.readAllLines(killed.resolve("run").resolve("trajectory.jsonl"))).hasSize(expected.get("epochs_run").asInt());
    assertThat(killed.resolve("run").resolve("checkpoint.bin")).doesNotExist();
  }
}
