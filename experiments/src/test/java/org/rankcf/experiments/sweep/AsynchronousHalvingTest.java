package org.rankcf.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.cli.Plugins;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.util.ConfigException;

/**
 * ASHA on the bundled Last.fm data: eight learning rates of MF-BPR in one selection group, rungs 1, 2 and 4
 * epochs, reduction 2, against the uninterrupted grid of the same runs.
 */
class AsynchronousHalvingTest {
  /** The search examples' Last.fm base (experiments/configs/search), made small. */
  private static final String SWEEP = """
      name: asha
      workers: %d
      base: %s
      variants:
        small: {model.dim: 16, train.epochs: 4}
      axes:
        seed: [7]
        train.optimizer.lr: [0.0001, 0.0003, 0.001, 0.002, 0.004, 0.008, 0.015, 0.03]
      select-over: [train.optimizer.lr]
      """;
  private static final String ASHA =
      "search: {halving: {min-epochs: 1, max-epochs: 4, reduction: 2, asynchronous: true}}\n";
  private static final int[] RUNGS = {1, 2, 4};
  private static final int RUNS = 8;

  @TempDir
  static Path shared;

  private static Path grid;

  @TempDir
  Path tmp;

  @BeforeAll
  static void runTheGrid() throws IOException {
    grid = sweep(spec(shared, "grid", sweepFile(2)), shared.resolve("grid"), null);
  }

  @Test
  void everyRunEndsOnceAndTheRunsThatWentOnEqualTheUninterruptedOnes() throws IOException {
    Path asha = sweep(spec(tmp, "asha", sweepFile(2) + ASHA), tmp.resolve("asha"), null);

    Map<String, JsonNode> rows = rows(asha);
    assertThat(rows).hasSize(RUNS);
    assertThat(runFolders(asha)).containsExactlyElementsOf(rows.keySet());
    int epochs = 0;
    for (Map.Entry<String, JsonNode> row : rows.entrySet()) {
      String run = row.getKey();
      int trained = row.getValue().get("epochs_run").asInt();
      epochs += trained;
      assertThat(row.getValue().get("status").asText()).as(run).isIn("done", "pruned");
      assertThat(row.getValue().get("status").asText()).as(run).isEqualTo(trained == 4 ? "done" : "pruned");
      assertThat(trained).as(run).isIn(1, 2, 4);
      assertThat(RunStatus.read(asha, run).state().finalState()).as(run).isTrue();
      // paused and resumed at every rung it passed, it trained the grid's run's epochs bit for bit
      assertThat(timeless(asha.resolve(run))).as(run).isEqualTo(timeless(grid.resolve(run)).subList(0, trained));
    }
    try (Stream<Path> files = Files.list(asha)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial"))).isEmpty();
    }
    assertThat(epochs).isLessThan(RUNS * 4);
    assertThat(rows.values().stream().filter(r -> r.get("epochs_run").asInt() == 4)).isNotEmpty();
  }

  @Test
  void theRunThatLeadsAtEveryRungReachesTheLastOne() throws IOException {
    // the construction: in the grid, one run has the best validation value at every rung
    String leader = null;
    Map<String, List<Double>> table = new LinkedHashMap<>();
    for (int rung : RUNGS) {
      String best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (String run : runFolders(grid)) {
        double score = bestValidation(grid.resolve(run), rung);
        table.computeIfAbsent(run, r -> new ArrayList<>()).add(score);
        if (score > bestScore) {
          bestScore = score;
          best = run;
        }
      }
      assertThat(leader == null || leader.equals(best))
          .as("the leader at %d epochs is %s: %s", rung, best, table).isTrue();
      leader = best;
    }
    Path asha = sweep(spec(tmp, "asha", sweepFile(2) + ASHA), tmp.resolve("asha"), null);
    JsonNode row = rows(asha).get(leader);
    assertThat(row.get("status").asText()).isEqualTo("done");
    assertThat(row.get("epochs_run").asInt()).isEqualTo(4);
    assertThat(row.get("selected").asBoolean()).isTrue();
  }

  @Test
  void oneWorkerTakesTheSameDecisionsTwice() throws IOException {
    SweepSpec spec = spec(tmp, "asha", sweepFile(1) + ASHA);
    Map<String, JsonNode> first = timeless(rows(sweep(spec, tmp.resolve("first"), null)));
    Map<String, JsonNode> second = timeless(rows(sweep(spec, tmp.resolve("second"), null)));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aRestartedDriverFinishesTheSweepWithoutDuplicates() throws IOException {
    SweepSpec spec = spec(tmp, "asha", sweepFile(1) + ASHA);
    Path whole = sweep(spec, tmp.resolve("whole"), null);
    Path restarted = tmp.resolve("restarted");
    // the first driver dies before its fourth job; the second kills its first run to the last rung at epoch 3
    assertThatThrownBy(() -> sweep(spec, restarted, new Dying(3, false))).hasMessageContaining("driver killed");
    assertThatThrownBy(() -> sweep(spec, restarted, new Dying(0, true))).hasMessageContaining("driver killed");
    assertThat(Files.list(restarted).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).count())
        .isGreaterThan(0);
    StringWriter log = new StringWriter();
    sweep(spec, restarted, new InProcessSweepExecutor(1, Plugins::registry), log);
    assertThat(log.toString()).contains("1 to resume").contains("resuming");

    assertThat(runFolders(restarted)).hasSize(RUNS);
    assertThat(timeless(rows(restarted))).isEqualTo(timeless(rows(whole)));
    for (String run : runFolders(restarted)) {
      assertThat(timeless(restarted.resolve(run))).as(run).isEqualTo(timeless(whole.resolve(run)));
    }
    try (Stream<Path> files = Files.list(restarted)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial"))).isEmpty();
    }
  }

  @Test
  void theKeyIsValidatedLikeTheOthers() {
    String notBoolean = sweepFile(1) + ASHA.replace("asynchronous: true", "asynchronous: sometimes");
    assertThatThrownBy(() -> spec(tmp, "bad", notBoolean))
        .isInstanceOf(ConfigException.class).hasMessageContaining("search.halving.asynchronous")
        .hasMessageContaining("true or false");
    assertThat(spec(tmp, "sync", sweepFile(1) + ASHA.replace(", asynchronous: true", "")).halving().asynchronous())
        .isFalse();
  }

  @Test
  void aRungPromotesItsWholeShareWhileOpenAndAtLeastOneOnceClosed() {
    Halving halving = new Halving(1, 4, 3, true);
    assertThat(halving.promotedSoFar(2)).isZero();
    assertThat(halving.promotedSoFar(8)).isEqualTo(2);
    assertThat(halving.promoted(2)).isEqualTo(1);
    assertThat(halving.promoted(8)).isEqualTo(2);
  }

  /**
   * The in-process executor until a driver "dies": before job {@code after + 1}, or, with {@code midRun}, in the
   * first job to the last rung, which it trains one epoch past the previous rung and leaves as a killed process
   * would (status running, checkpoint in the partial folder).
   */
  private record Dying(int after, boolean midRun, AtomicInteger jobs) implements SweepExecutor {
    Dying(int after, boolean midRun) {
      this(after, midRun, new AtomicInteger());
    }

    @Override
    public void execute(List<SweepRunTask> tasks, PrintWriter log) {
      SweepRunTask task = tasks.get(0);
      if (midRun && task.rungEpochs() == 0) {
        task.atRung(RUNGS[RUNGS.length - 2] + 1, false).run(Plugins.registry(), log);
        RunStatus.starting(task.name()).write(Path.of(task.sweepDir()));
        throw new IllegalStateException("driver killed in " + task.name());
      }
      if (!midRun && jobs.incrementAndGet() > after) {
        throw new IllegalStateException("driver killed before " + task.name());
      }
      new InProcessSweepExecutor(1, Plugins::registry).execute(tasks, log);
    }
  }

  private static String sweepFile(int workers) {
    return SWEEP.formatted(workers, root().resolve("experiments/configs/search/lastfm-base.yaml"));
  }

  private static Path root() {
    return Path.of(System.getProperty("rankcf.root"));
  }

  private static SweepSpec spec(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name + ".yaml");
      Files.writeString(file, yaml);
      return SweepSpec.load(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path sweep(SweepSpec spec, Path dir, SweepExecutor executor) {
    return sweep(spec, dir, executor, new StringWriter());
  }

  private static Path sweep(SweepSpec spec, Path dir, SweepExecutor executor, StringWriter log) {
    PrintWriter out = new PrintWriter(log);
    SweepRunner runner = new SweepRunner(spec, Plugins.registry(), root(), null, out);
    List<SweepPlan.PlannedRun> plan = executor == null ? runner.run(dir, List.of())
        : runner.run(dir, List.of(), executor);
    new SweepResults(spec, plan, dir).write(dir);
    return dir;
  }

  private static Map<String, JsonNode> rows(Path sweep) throws IOException {
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    for (JsonNode row : Yaml.JSON.readTree(sweep.resolve("results.json").toFile())) {
      assertThat(rows.put(row.get("run").asText(), row)).as(row.get("run").asText()).isNull();
    }
    return rows;
  }

  private static List<String> runFolders(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
          .sorted().toList();
    }
  }

  private static double bestValidation(Path run, int epochs) throws IOException {
    double best = Double.NEGATIVE_INFINITY;
    for (JsonNode epoch : timeless(run).subList(0, epochs)) {
      best = Math.max(best, epoch.get("validation").get("ndcg@20").asDouble());
    }
    return best;
  }

  /** The run's trajectory without wall times. */
  private static List<JsonNode> timeless(Path run) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("trajectory.jsonl"))) {
      lines.add(strip(Yaml.JSON.readTree(line)));
    }
    return lines;
  }

  private static Map<String, JsonNode> timeless(Map<String, JsonNode> rows) {
    Map<String, JsonNode> stripped = new LinkedHashMap<>();
    rows.forEach((run, row) -> stripped.put(run, strip(row.deepCopy())));
    return stripped;
  }

  /** The node without wall times and memory, which differ between any two runs. */
  private static JsonNode strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> drop = new ArrayList<>();
      object.fieldNames().forEachRemaining(n -> {
        if (n.contains("second") || n.equals("memory")) {
          drop.add(n);
        }
      });
      object.remove(drop);
      object.elements().forEachRemaining(AsynchronousHalvingTest::strip);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(AsynchronousHalvingTest::strip);
    }
    return node;
  }
}
