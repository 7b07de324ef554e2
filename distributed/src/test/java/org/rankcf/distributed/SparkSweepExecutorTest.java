package org.rankcf.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.cli.Plugins;
import org.rankcf.experiments.sweep.InProcessSweepExecutor;
import org.rankcf.experiments.sweep.SweepExecutor;
import org.rankcf.experiments.sweep.SweepResults;
import org.rankcf.experiments.sweep.SweepRunner;
import org.rankcf.experiments.sweep.SweepSpec;

/**
 * A small Last.fm sweep run in-process and on Spark local[2] writes the same run folders and tables, also as a
 * random search with successive halving (a rung per Spark job) and with asynchronous halving (a job per run
 * and rung, from several driver threads).
 */
class SparkSweepExecutorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SWEEP = """
      name: spark-parity
      workers: 2
      base:
        seed: 7
        threads: 1
        data: {path: builtin:lastfm, split: given, validation: 0.1}
        model: {name: mf, dim: 16, init: normal, init-std: 0.1}
        train:
          epochs: 3
          batch-size: 2048
          metric: ndcg@20
          loss: bpr
          sampler: {name: uniform, negatives: 1}
          optimizer: {lr: 0.01, weight-decay: 1.0e-5}
        eval: {ks: [20]}
      axes:
        seed: [7, 8]
        train.optimizer.lr: [0.01, 0.05]
      select-over: [train.optimizer.lr]
      """;

  @TempDir
  Path tmp;

  @Test
  void sparkLocalWritesTheSameRunsAsInProcess() throws IOException {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, SWEEP);
    SweepSpec spec = SweepSpec.load(file);
    Path inProcess = sweep(spec, tmp.resolve("in-process"), new InProcessSweepExecutor(2, Plugins::registry));
    Path spark = sweep(spec, tmp.resolve("spark"), new SparkSweepExecutor("local[2]"));

    for (String run : sameRuns(inProcess, spark)) {
      assertThat(trajectory(spark.resolve(run))).hasSize(3);
    }
    assertThat(timeless(read(spark.resolve("stats.json")))).isEqualTo(timeless(read(inProcess.resolve("stats.json"))));
    assertThat(timeless(read(spark.resolve("results.json"))))
        .isEqualTo(timeless(read(inProcess.resolve("results.json"))));
  }

  @Test
  void aSecondSubmissionSkipsEveryCommittedRun() throws IOException {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, SWEEP.replace("seed: [7, 8]", "seed: [7]"));
    SweepSpec spec = SweepSpec.load(file);
    Path dir = tmp.resolve("twice");
    sweep(spec, dir, new SparkSweepExecutor("local[2]"));
    String metrics = Files.readString(dir.resolve(runFolders(dir).get(0)).resolve("metrics.json"));
    StringWriter log = new StringWriter();
    try (SparkSweepExecutor spark = new SparkSweepExecutor("local[2]")) {
      new SweepRunner(spec, Plugins.registry(), root(), null, new PrintWriter(log)).run(dir, List.of(), spark);
    }
    assertThat(log.toString()).contains("done earlier, skipped").doesNotContain("starting");
    assertThat(runFolders(dir)).hasSize(2);
    assertThat(Files.readString(dir.resolve(runFolders(dir).get(0)).resolve("metrics.json"))).isEqualTo(metrics);
  }

  @Test
  void aRandomSearchWithHalvingTakesTheSameDecisionsOnSpark() throws IOException {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, SWEEP.replace("train.optimizer.lr: [0.01, 0.05]", "train.optimizer.lr: {log-uniform: [0.005, 0.1]}")
        + "search: {random: {runs: 2, seed: 3}, halving: {min-epochs: 1, max-epochs: 3, reduction: 2}}\n");
    SweepSpec spec = SweepSpec.load(file);
    Path inProcess = sweep(spec, tmp.resolve("in-process"), new InProcessSweepExecutor(2, Plugins::registry));
    Path spark = sweep(spec, tmp.resolve("spark"), new SparkSweepExecutor("local[2]"));

    sameRuns(inProcess, spark);
    JsonNode rows = read(spark.resolve("results.json"));
    assertThat(rows.findValuesAsText("status")).containsOnly("done", "pruned").contains("done", "pruned");
    assertThat(timeless(rows)).isEqualTo(timeless(read(inProcess.resolve("results.json"))));
    try (Stream<Path> files = Files.list(spark)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial"))).isEmpty();
    }
  }

  private static final String ASHA =
      "search: {halving: {min-epochs: 1, max-epochs: 3, reduction: 2, asynchronous: true}}\n";

  @Test
  void anAsynchronousSearchRunsEveryRunOnceInConcurrentJobs() throws IOException {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, SWEEP.replace("seed: [7, 8]", "seed: [7]")
        .replace("train.optimizer.lr: [0.01, 0.05]", "train.optimizer.lr: [0.005, 0.01, 0.02, 0.05]") + ASHA);
    Path spark = sweep(SweepSpec.load(file), tmp.resolve("spark"), new SparkSweepExecutor("local[2]"));

    List<String> runs = runFolders(spark);
    assertThat(runs).hasSize(4);
    JsonNode rows = read(spark.resolve("results.json"));
    assertThat(rows.findValuesAsText("run")).containsExactlyInAnyOrderElementsOf(runs);
    assertThat(rows.findValuesAsText("status")).containsOnly("done", "pruned").contains("done", "pruned");
    for (JsonNode row : rows) {
      assertThat(trajectory(spark.resolve(row.get("run").asText()))).hasSize(row.get("epochs_run").asInt());
    }
    try (Stream<Path> files = Files.list(spark)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial"))).isEmpty();
    }
  }

  @Test
  void withOneWorkerTheAsynchronousSearchTakesTheInProcessDecisions() throws IOException {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, SWEEP.replace("workers: 2", "workers: 1").replace("seed: [7, 8]", "seed: [7]")
        .replace("train.optimizer.lr: [0.01, 0.05]", "train.optimizer.lr: [0.005, 0.01, 0.02, 0.05]") + ASHA);
    SweepSpec spec = SweepSpec.load(file);
    Path inProcess = sweep(spec, tmp.resolve("in-process"), new InProcessSweepExecutor(1, Plugins::registry));
    Path spark = sweep(spec, tmp.resolve("spark"), new SparkSweepExecutor("local[2]"));

    sameRuns(inProcess, spark);
    assertThat(timeless(read(spark.resolve("results.json"))))
        .isEqualTo(timeless(read(inProcess.resolve("results.json"))));
  }

  /** Asserts four run folders, the same in both sweeps with the same metrics and trajectories; returns their names. */
  private static List<String> sameRuns(Path inProcess, Path spark) throws IOException {
    List<String> runs = runFolders(inProcess);
    assertThat(runs).hasSize(4);
    assertThat(runFolders(spark)).isEqualTo(runs);
    for (String run : runs) {
      assertThat(timeless(read(spark.resolve(run).resolve("metrics.json"))))
          .as(run).isEqualTo(timeless(read(inProcess.resolve(run).resolve("metrics.json"))));
      assertThat(trajectory(spark.resolve(run))).as(run).isEqualTo(trajectory(inProcess.resolve(run)));
    }
    return runs;
  }

  private static Path sweep(SweepSpec spec, Path dir, SweepExecutor executor) {
    PrintWriter log = new PrintWriter(new StringWriter());
    try (executor) {
      var plan = new SweepRunner(spec, Plugins.registry(), root(), null, log).run(dir, List.of(), executor);
      new SweepResults(spec, plan, dir).write(dir);
    }
    return dir;
  }

  private static Path root() {
    return Path.of(System.getProperty("rankcf.root"));
  }

  private static List<String> runFolders(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      // run folders: the hidden ones are status files and partial runs
      return files.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
          .sorted().toList();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static ArrayNode trajectory(Path run) throws IOException {
    ArrayNode lines = JSON.createArrayNode();
    for (String line : Files.readAllLines(run.resolve("trajectory.jsonl"))) {
      lines.add(timeless(JSON.readTree(line)));
    }
    return lines;
  }

  /** The node without wall times and memory, which differ between any two runs. */
  private static JsonNode timeless(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (name.contains("second") || name.equals("memory")) {
          names.remove();
        }
      }
      object.elements().forEachRemaining(SparkSweepExecutorTest::strip);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(SparkSweepExecutorTest::strip);
    }
  }
}
