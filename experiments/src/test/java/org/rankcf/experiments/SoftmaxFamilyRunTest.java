package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rankcf.experiments.config.Yaml;

/**
 * The IR-Benchmark softmax family trains through the CLI's config path on the bundled Last.fm data: two epochs
 * of MF with 32 negatives per row, each loss at a published-range setting with its keys.
 */
class SoftmaxFamilyRunTest {
  @TempDir
  Path out;

  @ParameterizedTest
  @ValueSource(strings = {
      "{name: sl, temperature: 0.2}",
      "{name: bsl, temperature-positive: 0.1, temperature-negative: 0.2}",
      "{name: psl, activation: tanh, temperature: 0.1}",
      "{name: psl, activation: atan, temperature: 0.1}",
      "{name: psl, activation: relu, temperature: 0.1}",
      "{name: slatk, k: 20, temperature: 0.2, quantile-temperature: 2.5, quantile-interval: 1}",
      "{name: sogclr, temperature: 0.2, gamma: 0.9}",
      "{name: sogslatk, k: 20, temperature: 0.2, quantile-temperature: 2.5, quantile-interval: 1, gamma: 0.9}"})
  void trainsTwoEpochsOnTheBundledData(String loss) throws IOException {
    CliRun run = CliRun.of("train", Path.of("configs", "lastfm-mf-bpr.yaml").toString(), "--max-epochs", "2",
        "--set", "train.loss=" + loss, "--set", "train.sampler.negatives=32", "--set", "train.optimizer.lr=0.05",
        "--set", "model.init-std=1.0", "--out", out.toString());
    assertThat(run.code()).as(run.stderr()).isZero();
    Path runDir = Path.of(run.stdout().lines().reduce((a, b) -> b).orElseThrow());
    List<String> trajectory = Files.readAllLines(runDir.resolve("trajectory.jsonl"));
    assertThat(trajectory).hasSize(2);
    for (String line : trajectory) {
      assertThat(Yaml.JSON.readTree(line).get("loss").asDouble()).isFinite();
    }
    assertThat(Yaml.JSON.readTree(trajectory.get(1)).get("loss").asDouble())
        .isLessThan(Yaml.JSON.readTree(trajectory.get(0)).get("loss").asDouble());
    JsonNode metrics = Yaml.JSON.readTree(runDir.resolve("metrics.json").toFile());
    // chance is about 0.001 (20 of 17,600 items)
    assertThat(metrics.get("test").get("ndcg@20").asDouble()).isGreaterThan(0.005);
  }
}
