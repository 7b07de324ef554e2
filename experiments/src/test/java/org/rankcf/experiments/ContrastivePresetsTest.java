package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.experiments.cli.RankcfCli;
import org.rankcf.experiments.config.Yaml;

/** SimGCL and XSimGCL train from their presets on the bundled Last.fm data (two epochs each). */
class ContrastivePresetsTest {
  @TempDir
  Path out;

  @ParameterizedTest
  @CsvSource({"lastfm-simgcl.yaml, simgcl-infonce", "lastfm-xsimgcl.yaml, xsimgcl-infonce"})
  void presetTrainsOnTheBundledDataAndRecordsItsContrastiveTerm(String preset, String term) throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = RankcfCli.run(new String[] {"train", Path.of("configs", preset).toString(), "--max-epochs", "2",
        "--out", out.toString()}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
    Path runDir = Path.of(stdout.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow());
    List<String> trajectory = Files.readAllLines(runDir.resolve("trajectory.jsonl"));
    assertThat(trajectory).hasSize(2);
    JsonNode first = Yaml.JSON.readTree(trajectory.get(0));
    JsonNode second = Yaml.JSON.readTree(trajectory.get(1));
    // InfoNCE over n rows starts near log n and falls as the views of a row align
    double start = first.get("terms").get(term).asDouble();
    assertThat(start).isGreaterThan(1.0);
    assertThat(second.get("terms").get(term).asDouble()).isLessThan(start);
    assertThat(second.get("loss").asDouble()).isLessThan(first.get("loss").asDouble());
    JsonNode metrics = Yaml.JSON.readTree(runDir.resolve("metrics.json").toFile());
    // far above chance (about 20 / 17,600 items), after two epochs
    assertThat(metrics.get("test").get("ndcg@20").asDouble()).isGreaterThan(0.02);
  }
}
