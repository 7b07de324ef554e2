package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.cli.RankcfCli;
import org.rankcf.experiments.sweep.EffectMap;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.schema.ResultsRow;
import org.rankcf.reports.schema.ResultsTable;
import org.rankcf.reports.schema.RunFiles;

/**
 * The effect map on a hand-made sweep folder: two lrs x one negative count, two seeds each. At lr 0.1 the
 * treatment lifts every one of 30 users (a clear effect), at lr 0.01 it moves users up and down by the same
 * amounts (no effect), at lr 0.001 only the baseline ran.
 */
class EffectMapTest {
  @TempDir
  Path sweep;

  private final List<ResultsRow> rows = new ArrayList<>();

  @BeforeEach
  void writeSweep() throws IOException {
    addGrid(null);
    write();
  }

  /** The grid's runs; {@code wd}, when not null, is the value of a further axis "wd". */
  private void addGrid(Integer wd) throws IOException {
    for (String seed : List.of("1", "2")) {
      // lr 0.1: baseline 0.10 / 20 epochs, treatment 0.12 / 10 epochs
      row("base", seed, 0.1, 0.10, 19, users(0.10, 0.0), wd, "", 0.10);
      row("treat", seed, 0.1, 0.12, 9, users(0.10, 0.02), wd, "", 0.12);
      // lr 0.01: equal means, users +-0.01 alternately
      row("base", seed, 0.01, 0.20, 29, users(0.20, 0.0), wd, "", 0.20);
      row("treat", seed, 0.01, 0.20, 29, alternating(0.20, 0.01), wd, "", 0.20);
      row("base", seed, 0.001, 0.05, 4, users(0.05, 0.0), wd, "", 0.05);
    }
  }

  private void write() throws IOException {
    Files.writeString(sweep.resolve(RunFiles.RESULTS), ResultsTable.json(rows));
  }

  private static double[] users(double level, double lift) {
    double[] v = new double[30];
    for (int u = 0; u < v.length; u++) {
      v[u] = level + lift + 0.001 * u;
    }
    return v;
  }

  private static double[] alternating(double level, double step) {
    double[] v = users(level, 0.0);
    for (int u = 0; u < v.length; u++) {
      v[u] += u % 2 == 0 ? step : -step;
    }
    return v;
  }

  private void row(String variant, String seed, double lr, double ndcg, int bestEpoch, double[] perUser, Integer wd,
      String suffix, double validation) throws IOException {
    String run = variant + "-s" + seed + "-lr" + lr + suffix;
    Map<String, JsonNode> axes = new LinkedHashMap<>();
    axes.put("seed", JsonNodeFactory.instance.numberNode(Integer.parseInt(seed)));
    axes.put("train.optimizer.lr", JsonNodeFactory.instance.numberNode(lr));
    axes.put("train.sampler.negatives", JsonNodeFactory.instance.numberNode(1));
    if (wd != null) {
      axes.put("wd", JsonNodeFactory.instance.numberNode(wd));
    }
    rows.add(new ResultsRow(run, variant, variant, axes, true, "done", bestEpoch, bestEpoch + 1, -1, "ndcg@20", validation,
        Map.of("ndcg@20", ndcg), bestEpoch * 0.5, bestEpoch + 1, bestEpoch * 0.5, 10.0, 12.0));
    StringBuilder csv = new StringBuilder("user,ndcg@20\n");
    for (int u = 0; u < perUser.length; u++) {
      csv.append(u).append(',').append(perUser[u]).append('\n');
    }
    Files.createDirectories(sweep.resolve(run));
    Files.writeString(sweep.resolve(run).resolve(RunFiles.PER_USER), csv);
  }

  @Test
  void selectingOverAnAxisKeepsTheBestValidationRunPerCellSeedAndVariant() throws IOException {
    rows.clear();
    addGrid(1);
    for (String seed : List.of("1", "2")) {
      // a second weight decay at lr 0.1: better on validation for the baseline, worse for the treatment
      row("base", seed, 0.1, 0.11, 14, users(0.11, 0.0), 2, "-wd2", 0.5);
      row("treat", seed, 0.1, 0.30, 4, users(0.30, 0.0), 2, "-wd2", 0.01);
    }
    write();
    assertThatThrownBy(() -> EffectMap.of(sweep, "train.optimizer.lr", null, "base", "treat", "ndcg@20"))
        .isInstanceOf(UserInputException.class).hasMessageContaining("fall in the same cell");
    EffectMap map = EffectMap.of(sweep, "train.optimizer.lr", null, List.of("wd"), "base", "treat", "ndcg@20");
    EffectMap.Cell lift = map.cells().get(2);
    assertThat(lift.y()).isEqualTo(EffectMap.ONE_ROW);
    assertThat(lift.baselineMetric()).isEqualTo(0.11); // the wd-2 baseline won on validation
    assertThat(lift.treatmentMetric()).isEqualTo(0.12); // the wd-1 treatment won on validation
    assertThat(lift.baselineEpochs()).isEqualTo(15.0);
  }

  @Test
  void cellsHoldTheChangesAndOnlyTheClearEffectIsSignificant() {
    EffectMap map = EffectMap.of(sweep, "train.optimizer.lr", "train.sampler.negatives", "base", "treat", "ndcg@20");
    List<EffectMap.Cell> cells = map.cells();
    assertThat(cells).extracting(EffectMap.Cell::x).containsExactly("0.001", "0.01", "0.1"); // numeric order
    EffectMap.Cell none = cells.get(0);
    assertThat(none.seeds()).isZero();
    assertThat(none.metricChangePct()).isNaN();
    EffectMap.Cell flat = cells.get(1);
    assertThat(flat.seeds()).isEqualTo(2);
    assertThat(flat.metricChangePct()).isCloseTo(0.0, within(1e-9));
    assertThat(flat.metricP()).isGreaterThan(0.05);
    EffectMap.Cell lift = cells.get(2);
    assertThat(lift.metricChangePct()).isCloseTo(20.0, within(1e-9)); // 0.10 -> 0.12
    assertThat(lift.metricP()).isLessThan(1e-6); // 60 users, every one better
    assertThat(lift.baselineEpochs()).isEqualTo(20.0); // best epoch 19 counts 20 epochs
    assertThat(lift.treatmentEpochs()).isEqualTo(10.0);
    assertThat(lift.epochsChangePct()).isCloseTo(-50.0, within(1e-9));
    assertThat(lift.epochsP()).isNaN(); // two seeds: no test over seeds
    assertThat(lift.baselineSeconds()).isEqualTo(9.5);
    assertThat(lift.treatmentSeconds()).isEqualTo(4.5);
    assertThat(map.metricHeatmap().significant()[0]).containsExactly(false, false, true);
    assertThat(map.markdown()).contains("| 0.1 | 1 | 2 | 0.1000 | 0.1200 | +20.0% |").doesNotContain("| 0.001 |");
  }

  @Test
  void unknownAxesAndVariantsAreOneLineErrors() {
    assertThatThrownBy(() -> EffectMap.of(sweep, "train.lr", "train.sampler.negatives", "base", "treat", "ndcg@20"))
        .isInstanceOf(UserInputException.class).hasMessageContaining("'train.lr' is not an axis of this sweep");
    assertThatThrownBy(() -> EffectMap.of(sweep, "train.optimizer.lr", "train.sampler.negatives", "base", "other", "ndcg@20"))
        .isInstanceOf(UserInputException.class).hasMessageContaining("no runs of variant 'other'");
    assertThatThrownBy(() -> EffectMap.of(sweep.resolve("missing"), "a", "b", "base", "treat", "ndcg@20"))
        .isInstanceOf(UserInputException.class).hasMessageContaining("results.json");
  }

  @Test
  void theCommandWritesBothHeatmapsAndPrintsTheTable() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RankcfCli.run(new String[] {"map", sweep.toString(), "--x", "train.optimizer.lr",
        "--y", "train.sampler.negatives", "--compare", "base,treat"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(sweep.resolve("map-base-vs-treat-ndcg_20.svg")).exists();
    assertThat(sweep.resolve("map-base-vs-treat-epochs.svg")).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("| +20.0% |");
    int bad = RankcfCli.run(new String[] {"map", sweep.toString(), "--x", "train.optimizer.lr",
        "--y", "train.sampler.negatives", "--compare", "base"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(bad).isEqualTo(RankcfCli.USER_ERROR);
  }

  @Test
  void severalPairsDrawOneMapEachAndABadPairWritesNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RankcfCli.run(new String[] {"map", sweep.toString(), "--x", "train.optimizer.lr",
        "--y", "train.sampler.negatives", "--compare", "base,treat", "--compare", "treat,base"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(sweep.resolve("map-base-vs-treat-ndcg_20.svg")).exists();
    assertThat(sweep.resolve("map-treat-vs-base-ndcg_20.svg")).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("| +20.0% |").contains("| -16.7% |");
    Path elsewhere = sweep.resolve("maps");
    int bad = RankcfCli.run(new String[] {"map", sweep.toString(), "--x", "train.optimizer.lr", "--out", elsewhere.toString(),
        "--y", "train.sampler.negatives", "--compare", "base,treat,base,other"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(bad).isEqualTo(RankcfCli.USER_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no runs of variant 'other'");
    assertThat(elsewhere.resolve("map-base-vs-treat-ndcg_20.svg")).doesNotExist();
  }
}
