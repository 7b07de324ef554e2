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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.experiments.cli.RankcfCli;
import org.rankcf.experiments.config.Yaml;

/** End-to-end runs of the CLI on small data: the run record, and every kind of bad input. */
class CliTest {
  @TempDir
  Path dir;

  private Path data;
  private Path out;
  private String stdout;
  private String stderr;

  @BeforeEach
  void writeSmallDataSet() throws IOException {
    data = TinyData.write(dir.resolve("tiny"));
    out = dir.resolve("runs");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "an earlier result");
  }

  private Path config() throws IOException {
    Path file = dir.resolve("run.yaml");
    Files.writeString(file, TinyData.config(data, 3));
    return file;
  }

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = RankcfCli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
    stdout = o.toString(StandardCharsets.UTF_8);
    stderr = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  private List<Path> runFolders() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(Files::isDirectory).toList();
    }
  }

  @Test
  void benchWritesItsTableIntoTheMarkedSectionAndKeepsTheRest() throws IOException {
    Path file = dir.resolve("BENCH.md");
    Files.writeString(file, "# Notes\nkept above\n<!-- rankcf bench: start -->\nold table\n<!-- rankcf bench: end -->\nkept below\n");
    int code = run("bench", config().toString(), "--epochs", "2", "--evals", "1", "--write", file.toString());
    assertThat(code).as(stderr).isZero();
    String text = Files.readString(file);
    assertThat(text).startsWith("# Notes\nkept above\n<!-- rankcf bench: start -->\n").endsWith("<!-- rankcf bench: end -->\nkept below\n")
        .doesNotContain("old table").contains("epoch CPU s (median)");
    String row = text.lines().filter(line -> line.startsWith("| tiny")).findFirst().orElseThrow();
    String[] cells = row.substring(1, row.length() - 1).split("\\|");
    assertThat(cells).hasSize(9);
    for (int c : new int[] {3, 5, 8}) {
      assertThat(Double.parseDouble(cells[c].trim())).as(row).isPositive();
    }
    assertThat(Double.parseDouble(cells[7].trim())).as("GFLOP/s, one decimal").isNotNegative();
    String breakdown = text.lines().filter(line -> line.startsWith("- tiny:")).findFirst().orElseThrow();
    assertThat(breakdown).containsPattern(" bpr \\d+\\.\\d{3} s, update \\(backward, optimiser, forward\\) \\d+\\.\\d{3} s");
  }

  @Test
  void trainWritesACompleteRunRecordAndPrintsItsFolderLast() throws IOException {
    int code = run("train", config().toString(), "--out", out.toString());
    assertThat(code).as(stderr).isZero();
    List<String> lines = stdout.lines().toList();
    Path runDir = Path.of(lines.get(lines.size() - 1));
    assertThat(runFolders()).containsExactly(runDir);
    JsonNode metrics = Yaml.JSON.readTree(runDir.resolve("metrics.json").toFile());
    assertThat(metrics.get("best_epoch").asInt()).isBetween(0, 2);
    assertThat(metrics.get("test").get("recall@20").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.get("test").has("ndcg@20")).isTrue();
    JsonNode manifest = Yaml.JSON.readTree(runDir.resolve("manifest.json").toFile());
    assertThat(manifest.get("data").get("split_hash").asText()).hasSize(64);
    assertThat(manifest.get("config").get("train").get("optimizer").get("lr").asDouble()).isEqualTo(0.01);
    assertThat(manifest.get("environment").get("kernel_path").asText()).isIn("vector", "scalar");
    List<String> trajectory = Files.readAllLines(runDir.resolve("trajectory.jsonl"));
    assertThat(trajectory).hasSize(3);
    JsonNode epoch = Yaml.JSON.readTree(trajectory.get(0));
    assertThat(epoch.get("user_spectrum")).hasSize(8);
    assertThat(epoch.get("user_stable_rank").asDouble()).isBetween(1.0, 8.0);
    assertThat(epoch.get("phase").asText()).isEqualTo("tune");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("an earlier result");
  }

  @Test
  void resumeTrainsIntoAFolderNamedAfterTheConfigAndRefusesToOverwriteAFinishedRun() throws IOException {
    int code = run("train", config().toString(), "--out", out.toString(), "--resume", "--max-epochs", "2");
    assertThat(code).as(stderr).isZero();
    Path runDir = Path.of(stdout.lines().reduce((a, b) -> b).orElseThrow());
    assertThat(runDir.getFileName().toString()).isEqualTo("tiny");
    assertThat(Files.readAllLines(runDir.resolve("trajectory.jsonl"))).hasSize(2);
    assertThat(runDir.resolve("checkpoint.bin")).doesNotExist();
    String before = Files.readString(runDir.resolve("metrics.json"));

    code = run("train", config().toString(), "--out", out.toString(), "--resume");
    assertThat(code).isEqualTo(2);
    assertThat(stderr).contains("already holds a finished run named 'tiny'").contains("--resume");
    assertThat(Files.readString(runDir.resolve("metrics.json"))).isEqualTo(before);
    assertThat(runFolders()).containsExactly(runDir);
  }

  @Test
  void maxEpochsOverridesTheBudget() throws IOException {
    int code = run("train", config().toString(), "--out", out.toString(), "--max-epochs", "1");
    assertThat(code).as(stderr).isZero();
    Path runDir = Path.of(stdout.lines().reduce((a, b) -> b).orElseThrow());
    assertThat(Files.readAllLines(runDir.resolve("trajectory.jsonl"))).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "train.loss=nosuch | train.loss.name: unknown loss 'nosuch'",
      "train.optimizer.lr=-1 | train.optimizer.lr: must be > 0",
      "train.optimizer.lr=0 | train.optimizer.lr: must be > 0",
      "eval.ks=[0] | eval.ks: must be >= 1",
      "model.dim=0 | model.dim: must be >= 1",
      "model.name=nosuch | model.name: unknown model 'nosuch'",
      "model.layers=2 | model.layers: unknown key",
      "model={name: lightgcn, layers: -1} | model.layers: must be >= 0",
      "train.sampler.name=nosuch | train.sampler.name: unknown sampler",
      "train.regularizers=[{name: nosuch}] | train.regularizers[0].name: unknown regularizer",
      "train.optimizer.lrr=1 | train.optimizer.lrr: unknown key",
      "train.pairs=nosuch | train.pairs: must be all or user-uniform",
      "train.optimizer.milestones=[4, 2] | train.optimizer.milestones: must be increasing",
      "train.optimizer.gamma=0 | train.optimizer.gamma",
      "train.epochs=abc | train.epochs: must be an integer",
      "train.metric=ndcg@7 | train.metric",
      "train.metric=dcg@20 | train.metric: unknown metric 'dcg'",
      "train.metric=coverage@20 | train.metric: must be one of eval.metrics",
      "eval.metrics=[recall, nosuch] | eval.metrics: unknown metric 'nosuch'; known: arp, coverage",
      "eval.validation-metrics=[recall@20] | eval.validation-metrics: must include the selection metric ndcg@20",
      "eval.validation-metrics=[ndcg] | eval.validation-metrics: 'ndcg' is not of the form name@K",
      "train.sampler.negatives=0 | train.sampler.negatives: loss 'bpr' needs at least 1 negative",
      "train.sampler.negatives=-1 | train.sampler.negatives: must be >= 0",
      "train.loss={name: ssm, temperature: 0} | train.loss.temperature: must be > 0",
      "train.loss={name: directau, t: -1} | train.loss.t",
      "train.regularizers=[{name: stable-rank, weight: -1}] | train.regularizers[0].weight: must be >= 0",
  })
  void badConfigValuesNameTheKeyAndLeaveNoRunFolder(String override, String expected) throws IOException {
    int code = run("train", config().toString(), "--out", out.toString(), "--set", override);
    assertThat(code).isEqualTo(2);
    assertThat(stderr.strip().lines().toList()).hasSize(1);
    assertThat(stderr).contains(expected);
    assertThat(runFolders()).isEmpty();
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("an earlier result");
  }

  @ParameterizedTest(name = "{index}: {1}")
  @CsvSource(delimiter = '|', value = {
      "0\\t1\\n1\\tx\\n | train.tsv:2",
      "0\\t1\\n-3\\t2\\n | train.tsv:2",
      "0\\t1\\n5\\n | train.tsv:2",
      "'' | train.tsv",
  })
  void malformedDataFilesNameTheFileAndLine(String content, String expected) throws IOException {
    Files.writeString(data.resolve("train.tsv"), content.replace("\\t", "\t").replace("\\n", "\n"));
    int code = run("train", config().toString(), "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr).contains(expected);
    assertThat(stderr.strip().lines().toList()).hasSize(1);
    assertThat(runFolders()).isEmpty();
  }

  @Test
  void missingDataFileIsNamed() throws IOException {
    Files.delete(data.resolve("test.tsv"));
    int code = run("train", config().toString(), "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr).contains("test.tsv");
    assertThat(runFolders()).isEmpty();
  }

  @Test
  void missingConfigFileIsNamed() {
    int code = run("train", dir.resolve("nope.yaml").toString(), "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr).contains("nope.yaml");
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "name: x\ntrain:\n  epochs: [1,\n");
    int code = run("train", file.toString(), "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr).contains("broken.yaml:");
  }

  @Test
  void datasetStatsPrintsCounts() {
    int code = run("datasets", "stats", data.toString());
    assertThat(code).as(stderr).isZero();
    assertThat(stdout).contains("users").contains("items").contains("density");
  }
}
