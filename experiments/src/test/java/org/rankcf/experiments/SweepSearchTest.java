package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.experiments.sweep.Halving;
import org.rankcf.experiments.sweep.SweepPlan;
import org.rankcf.experiments.sweep.SweepSpec;
import org.rankcf.framework.util.ConfigException;

/** Random search, successive halving, failed runs and the sweep's status, end to end on a tiny data set. */
class SweepSearchTest {
  @TempDir
  Path dir;

  private Path data;

  @BeforeEach
  void writeData() throws IOException {
    data = TinyData.write(dir.resolve("tiny"));
    Files.writeString(dir.resolve("base.yaml"), TinyData.config(data, 9).replace("threads: 2", "threads: 1"));
  }

  private static final String RANDOM = """
      name: random
      base: base.yaml
      axes:
        seed: [1, 2]
        train.optimizer.lr: {log-uniform: [1.0e-3, 1.0e-1]}
        train.optimizer.weight-decay: {uniform: [0.0, 1.0e-4]}
        model.dim: {integer: [4, 12]}
        train.loss: {choice: [bpr, bce]}
      select-over: [train.optimizer.lr, train.optimizer.weight-decay, model.dim, train.loss]
      search:
        random: {runs: 6, seed: %d}
      """;

  @Test
  void theSameFileDrawsTheSameRunsAndAnotherSeedOthers() throws IOException {
    List<SweepPlan.PlannedRun> first = plan(RANDOM.formatted(11));
    List<SweepPlan.PlannedRun> again = plan(RANDOM.formatted(11));
    List<SweepPlan.PlannedRun> other = plan(RANDOM.formatted(12));
    assertThat(first).hasSize(12);
    assertThat(names(again)).isEqualTo(names(first));
    for (int r = 0; r < first.size(); r++) {
      assertThat(again.get(r).config()).isEqualTo(first.get(r).config());
    }
    assertThat(names(other)).isNotEqualTo(names(first));

    Set<String> losses = new HashSet<>();
    for (SweepPlan.PlannedRun run : first) {
      double lr = run.axes().get("train.optimizer.lr").doubleValue();
      assertThat(lr).isBetween(1.0e-3, 1.0e-1);
      assertThat(new java.math.BigDecimal(Double.toString(lr)).stripTrailingZeros().precision()).isLessThanOrEqualTo(3);
      assertThat(run.axes().get("train.optimizer.weight-decay").doubleValue()).isBetween(0.0, 1.0e-4);
      assertThat(run.axes().get("model.dim").isInt()).isTrue();
      assertThat(run.axes().get("model.dim").intValue()).isBetween(4, 12);
      assertThat(run.config().get("model").get("dim")).isEqualTo(run.axes().get("model.dim"));
      losses.add(run.axes().get("train.loss").asText());
    }
    assertThat(losses).isSubsetOf("bpr", "bce");
    // each draw is run for both seeds: seed 1's six configurations are seed 2's six
    List<Map<String, JsonNode>> seed1 = new ArrayList<>();
    List<Map<String, JsonNode>> seed2 = new ArrayList<>();
    for (SweepPlan.PlannedRun run : first) {
      Map<String, JsonNode> drawn = new TreeMap<>(run.axes());
      JsonNode seed = drawn.remove("seed");
      (seed.asInt() == 1 ? seed1 : seed2).add(drawn);
    }
    assertThat(seed2).isEqualTo(seed1);
  }

  @Test
  void aDistributionWithoutARandomSearchIsRefusedNamingTheAxis() throws IOException {
    assertThatThrownBy(() -> plan(RANDOM.formatted(1).replace("  random: {runs: 6, seed: 1}\n", "  {}\n")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("axes.train.optimizer.lr");
    assertThatThrownBy(() -> plan(RANDOM.formatted(1).replace("{log-uniform: [1.0e-3, 1.0e-1]}", "{log-uniform: [0, 1]}")))
        .hasMessageContaining("axes.train.optimizer.lr.log-uniform").hasMessageContaining("> 0");
    assertThatThrownBy(() -> plan(RANDOM.formatted(1).replace("{integer: [4, 12]}", "{normal: [4, 12]}")))
        .hasMessageContaining("axes.model.dim.normal");
  }

  @Test
  void rungsGrowByTheReductionFactorUpToTheMaximum() {
    assertThat(new Halving(5, 45, 3).rungs()).containsExactly(5, 15, 45);
    assertThat(new Halving(4, 40, 3).rungs()).containsExactly(4, 12, 36, 40);
    assertThat(new Halving(10, 10, 2).rungs()).containsExactly(10);
    assertThat(new Halving(1, 9, 3).promoted(9)).isEqualTo(3);
    assertThat(new Halving(1, 9, 3).promoted(2)).isEqualTo(1);
  }

  private static final String GRID = """
      name: grid
      base: base.yaml
      axes:
        seed: [1]
        train.optimizer.lr: [0.001, 0.01, 0.05]
        model.dim: [4, 8, 12]
      select-over: [train.optimizer.lr, model.dim]
      """;

  @Test
  void halvingStopsTheLosersAndContinuesTheWinnersFromTheirCheckpoints() throws IOException {
    Path grid = sweep("grid", GRID, 0);
    Path halving = sweep("halving", GRID.replace("name: grid", "name: halving")
        + "search: {halving: {min-epochs: 1, max-epochs: 9, reduction: 3}}\n", 0);

    JsonNode rows = Yaml.JSON.readTree(halving.resolve("results.json").toFile());
    assertThat(rows).hasSize(9);
    int epochs = 0;
    List<String> survivors = new ArrayList<>();
    for (JsonNode row : rows) {
      String run = row.get("run").asText();
      epochs += row.get("epochs_run").asInt();
      JsonNode metrics = Yaml.JSON.readTree(halving.resolve(run).resolve("metrics.json").toFile());
      if (row.get("status").asText().equals("pruned")) {
        assertThat(row.get("epochs_run").asInt()).as(run).isIn(1, 3);
        assertThat(metrics.get("stop_reason").asText()).isEqualTo("pruned");
      } else {
        assertThat(row.get("status").asText()).isEqualTo("done");
        survivors.add(run);
      }
      assertThat(halving.resolve("." + run + ".partial")).doesNotExist();
    }
    // 9 runs to epoch 1, the best 3 to epoch 3, the best one to 9 (fewer where early stopping ended one)
    assertThat(epochs).isLessThanOrEqualTo(9 + 3 * 2 + 6);
    assertThat(rows.findValues("status").stream().filter(s -> s.asText().equals("pruned")).count()).isGreaterThanOrEqualTo(6);

    // the rung-1 winners are the three best at epoch 1, judged from the grid's uninterrupted runs
    List<String> byEpochOne = new ArrayList<>();
    rows.forEach(row -> byEpochOne.add(row.get("run").asText()));
    Map<String, Double> atEpochOne = new TreeMap<>();
    for (String run : byEpochOne) {
      atEpochOne.put(run, firstEpochValidation(grid.resolve(run)));
    }
    // best first, plan order (the names' order) among equals
    byEpochOne.sort(java.util.Comparator.comparingDouble((String run) -> -atEpochOne.get(run)));
    List<String> bestThree = byEpochOne.stream().limit(3).sorted().toList();
    List<String> pastRungOne = new ArrayList<>();
    rows.forEach(row -> {
      if (row.get("epochs_run").asInt() > 1) {
        pastRungOne.add(row.get("run").asText());
      }
    });
    assertThat(pastRungOne).containsExactlyElementsOf(bestThree);

    // a run that went on continued from its checkpoint: its epochs equal the grid's uninterrupted run's
    for (String run : survivors) {
      assertThat(timeless(halving.resolve(run).resolve("trajectory.jsonl")))
          .isEqualTo(timeless(grid.resolve(run).resolve("trajectory.jsonl")));
    }
    // selection picks the best validation value; a pruned run wins only where it is strictly better
    JsonNode selected = null;
    for (JsonNode row : rows) {
      if (row.get("selected").asBoolean()) {
        assertThat(selected).isNull();
        selected = row;
      }
    }
    assertThat(selected).isNotNull();
    for (JsonNode row : rows) {
      double value = row.get("validation_ndcg@20").asDouble();
      assertThat(selected.get("validation_ndcg@20").asDouble()).isGreaterThanOrEqualTo(value);
      if (selected.get("status").asText().equals("pruned") && !row.get("status").asText().equals("pruned")) {
        assertThat(selected.get("validation_ndcg@20").asDouble()).isGreaterThan(value);
      }
    }

    CliRun status = CliRun.of("sweep", "status", halving.toString());
    assertThat(status.code()).isZero();
    assertThat(status.stdout()).contains("sweep halving: 9 runs: " + survivors.size() + " done, " + (9 - survivors.size())
        + " pruned, 0 failed, 0 running, 0 to start").contains("finished");
  }

  @Test
  void aFailedRunIsRecordedTheOthersFinishAndTheSweepExitsNonZeroNamingIt() throws IOException {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.copy(data.resolve("test.tsv"), bad.resolve("test.tsv"));
    Files.writeString(bad.resolve("train.tsv"), Files.readString(data.resolve("train.tsv")) + "7\tseven\n");
    String file = """
        name: failing
        base: base.yaml
        variants:
          good: {}
          bad: {data.path: %s}
        axes:
          seed: [1, 2]
        """.formatted(bad);
    Files.writeString(dir.resolve("failing.yaml"), file);
    Path out = dir.resolve("failing");
    CliRun run = CliRun.of("sweep", dir.resolve("failing.yaml").toString(), "--out", out.toString(), "--no-report");
    assertThat(run.code()).as(run.stderr()).isEqualTo(1);
    String last = run.stderr().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("2 failed runs: r002-bad-seed1 (").contains("r003-bad-seed2 (").contains("train.tsv");
    assertThat(run.stderr()).contains("sweep failing: 4 runs: 2 done, 0 pruned, 2 failed");

    JsonNode rows = Yaml.JSON.readTree(out.resolve("results.json").toFile());
    assertThat(rows.findValuesAsText("status")).containsExactly("done", "done", "failed", "failed");
    assertThat(rows.get(2).get("error").asText()).contains("train.tsv:361").contains("seven");
    assertThat(rows.get(0).get("test_ndcg@20").asDouble()).isPositive();
    assertThat(rows.get(2).has("test_ndcg@20")).isFalse();
    assertThat(Files.readAllLines(out.resolve("results.csv")).get(0)).contains("status").contains("error");

    CliRun status = CliRun.of("sweep", "status", out.toString());
    assertThat(status.stdout()).contains("2 failed").contains("r002-bad-seed1").contains("train.tsv");
  }

  @Test
  void aRunCommittedButStillMarkedRunningCountsAsDoneWhenTheSweepComesBack() throws IOException {
    String yaml = """
        name: settled
        base: base.yaml
        variants:
          bpr: {}
        axes:
          seed: [1, 2]
        """;
    Path out = sweep("settled", yaml, 0);
    // the driver died after r000 committed its folder and before it recorded the end
    Path status = out.resolve(".status").resolve("r000-bpr-seed1.json");
    Files.writeString(status, Files.readString(status).replace("\"done\"", "\"running\""));
    assertThat(CliRun.of("sweep", "status", out.toString()).stdout()).contains("1 done");

    CliRun again = CliRun.of("sweep", dir.resolve("settled.yaml").toString(), "--out", out.toString(), "--no-report");
    assertThat(again.code()).as(again.stderr()).isZero();
    assertThat(again.stderr()).contains("2 runs: 2 done, 0 pruned, 0 failed, 0 running");
    assertThat(Yaml.JSON.readTree(status.toFile()).get("status").asText()).isEqualTo("done");
    assertThat(CliRun.of("sweep", "status", out.toString()).stdout()).contains("2 runs: 2 done");
  }

  @Test
  void statusOfAFolderThatIsNoSweepIsOneLine() {
    CliRun status = CliRun.of("sweep", "status", dir.toString());
    assertThat(status.code()).isEqualTo(2);
    assertThat(status.stderr().strip()).contains("not a sweep folder").doesNotContain("\n");
  }

  private List<SweepPlan.PlannedRun> plan(String yaml) throws IOException {
    Path file = dir.resolve("search.yaml");
    Files.writeString(file, yaml);
    return SweepPlan.expand(SweepSpec.load(file));
  }

  private Path sweep(String name, String yaml, int expectedCode) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    Path out = dir.resolve(name);
    CliRun run = CliRun.of("sweep", file.toString(), "--out", out.toString(), "--no-report");
    assertThat(run.code()).as(run.stderr()).isEqualTo(expectedCode);
    return out;
  }

  private static List<String> names(List<SweepPlan.PlannedRun> plan) {
    return plan.stream().map(SweepPlan.PlannedRun::name).toList();
  }

  private static double firstEpochValidation(Path run) throws IOException {
    String first = Files.readAllLines(run.resolve("trajectory.jsonl")).get(0);
    return Yaml.JSON.readTree(first).get("validation").get("ndcg@20").asDouble();
  }

  /** The trajectory without wall times. */
  private static List<JsonNode> timeless(Path trajectory) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(trajectory)) {
      com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) Yaml.JSON.readTree(line);
      node.remove(List.of("train_seconds", "term_seconds", "update_seconds", "eval_seconds", "elapsed_seconds"));
      lines.add(node);
    }
    return lines;
  }
}
