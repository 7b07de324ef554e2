package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.rankcf.evaluation.stats.PairedComparison;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.EffectHeatmap;
import org.rankcf.reports.schema.PerUserCsv;

/**
 * Where does a treatment help? For two variants of a finished sweep and two of its axes, the treatment's
 * effect in every (x, y) cell, paired by seed: the change of a test metric in % of the baseline (marked
 * significant by a paired Wilcoxon test over users, pooled over the cell's seeds) and the change of the
 * epochs trained up to the best epoch in % (marked by a paired t-test over seeds, which needs three seeds).
 * Axes of the sweep that are neither x nor y may be selected over: per cell, seed and variant the run with
 * the best validation metric stands for them (e.g. x = lr with the weight decay selected at each lr). Without
 * a y axis the map is one row.
 */
public final class EffectMap {
  /** Significance level of the marks. */
  static final double ALPHA = PValues.ALPHA;

  /** One (x, y) cell: the seeds paired in it and the two effects with their p-values. */
  public record Cell(String x, String y, int seeds, double baselineMetric, double treatmentMetric,
      double metricChangePct, double metricP, double baselineEpochs, double treatmentEpochs,
      double epochsChangePct, double epochsP, double baselineSeconds, double treatmentSeconds) {}

  private final String xAxis;
  private final String yAxis;
  private final String baseline;
  private final String treatment;
  private final String metric;
  private final List<String> xValues;
  private final List<String> yValues;
  private final List<Cell> cells;

  private EffectMap(String xAxis, String yAxis, String baseline, String treatment, String metric,
      List<String> xValues, List<String> yValues, List<Cell> cells) {
    this.xAxis = xAxis;
    this.yAxis = yAxis;
    this.baseline = baseline;
    this.treatment = treatment;
    this.metric = metric;
    this.xValues = xValues;
    this.yValues = yValues;
    this.cells = cells;
  }

  /** No y axis: the map is a single row of this name. */
  public static final String ONE_ROW = "all";

  /** Reads the sweep folder's results.json and the paired runs' per-user values; {@code yAxis} may be null. */
  public static EffectMap of(Path sweepDir, String xAxis, String yAxis, String baseline, String treatment, String metric) {
    return of(sweepDir, xAxis, yAxis, List.of(), baseline, treatment, metric);
  }

  /** As above, selecting per cell, seed and variant the best validation run over {@code selectOver}. */
  public static EffectMap of(Path sweepDir, String xAxis, String yAxis, List<String> selectOver, String baseline,
      String treatment, String metric) {
    Path results = sweepDir.resolve("results.json");
    JsonNode rows;
    try {
      rows = Yaml.JSON.readTree(Files.readString(results));
    } catch (IOException e) {
      throw new UserInputException(results + ": cannot read (" + e.getMessage() + "); is it a finished sweep folder?");
    }
    String testKey = "test_" + metric;
    // x value -> y value -> seed -> variant -> row
    Map<String, Map<String, Map<String, Map<String, JsonNode>>>> grid = new LinkedHashMap<>();
    List<String> xValues = new ArrayList<>();
    List<String> yValues = new ArrayList<>();
    boolean anyBaseline = false;
    boolean anyTreatment = false;
    for (JsonNode row : rows) {
      String variant = row.path("variant").asText();
      if (!variant.equals(baseline) && !variant.equals(treatment)) {
        continue;
      }
      anyBaseline |= variant.equals(baseline);
      anyTreatment |= variant.equals(treatment);
      String x = axisValue(row, xAxis, results);
      String y = yAxis == null ? ONE_ROW : axisValue(row, yAxis, results);
      selectOver.forEach(axis -> axisValue(row, axis, results));
      if (!row.has(testKey)) {
        throw new UserInputException(results + ": run " + row.path("run").asText() + " has no " + testKey);
      }
      add(xValues, x);
      add(yValues, y);
      grid.computeIfAbsent(x, k -> new LinkedHashMap<>()).computeIfAbsent(y, k -> new LinkedHashMap<>())
          .computeIfAbsent(row.path("seed").asText(), k -> new LinkedHashMap<>())
          .merge(variant, row, (kept, candidate) -> selectBetter(kept, candidate, selectOver, results));
    }
    if (!anyBaseline || !anyTreatment) {
      throw new UserInputException(results + ": no runs of variant '" + (anyBaseline ? treatment : baseline) + "'");
    }
    sortNumerically(xValues);
    sortNumerically(yValues);
    List<Cell> cells = new ArrayList<>();
    for (String y : yValues) {
      for (String x : xValues) {
        Map<String, Map<String, JsonNode>> seeds = grid.getOrDefault(x, Map.of()).getOrDefault(y, Map.of());
        cells.add(cell(sweepDir, x, y, seeds, baseline, treatment, metric));
      }
    }
    return new EffectMap(xAxis, yAxis, baseline, treatment, metric, xValues, yValues, cells);
  }

  private static Cell cell(Path sweepDir, String x, String y, Map<String, Map<String, JsonNode>> seeds,
      String baseline, String treatment, String metric) {
    List<double[]> users = new ArrayList<>();
    List<Double> baseMetric = new ArrayList<>();
    List<Double> treatMetric = new ArrayList<>();
    List<Double> baseEpochs = new ArrayList<>();
    List<Double> treatEpochs = new ArrayList<>();
    List<Double> baseSeconds = new ArrayList<>();
    List<Double> treatSeconds = new ArrayList<>();
    List<double[]> pooledBase = new ArrayList<>();
    List<double[]> pooledTreat = new ArrayList<>();
    for (Map<String, JsonNode> variants : seeds.values()) {
      JsonNode b = variants.get(baseline);
      JsonNode t = variants.get(treatment);
      if (b == null || t == null) {
        continue;
      }
      baseMetric.add(b.path("test_" + metric).asDouble());
      treatMetric.add(t.path("test_" + metric).asDouble());
      // epochs trained up to and including the best epoch (epochs count from 0)
      baseEpochs.add(b.path("best_epoch").asDouble() + 1);
      treatEpochs.add(t.path("best_epoch").asDouble() + 1);
      baseSeconds.add(b.path("seconds_to_best").asDouble(Double.NaN));
      treatSeconds.add(t.path("seconds_to_best").asDouble(Double.NaN));
      Map<Integer, Double> bu = PerUserCsv.read(sweepDir.resolve(b.path("run").asText()), metric);
      Map<Integer, Double> tu = PerUserCsv.read(sweepDir.resolve(t.path("run").asText()), metric);
      if (bu != null && tu != null) {
        double[][] pair = PairedOverUsers.paired(bu, tu);
        pooledBase.add(pair[0]);
        pooledTreat.add(pair[1]);
      }
    }
    int n = baseMetric.size();
    if (n == 0) {
      return new Cell(x, y, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN);
    }
    double bm = mean(baseMetric);
    double tm = mean(treatMetric);
    double be = mean(baseEpochs);
    double te = mean(treatEpochs);
    double metricP = Double.NaN;
    if (!pooledBase.isEmpty()) {
      metricP = PairedComparison.of(concat(pooledBase), concat(pooledTreat)).wilcoxonP();
    }
    double epochsP = n >= 3 ? pairedTTest(baseEpochs, treatEpochs) : Double.NaN;
    return new Cell(x, y, n, bm, tm, 100 * (tm - bm) / bm, metricP, be, te, 100 * (te - be) / be, epochsP,
        mean(baseSeconds), mean(treatSeconds));
  }

  /**
   * Of two runs of one variant in one cell and seed, the one with the better validation metric; they may
   * differ only in the select-over axes, anything else means the map's axes do not cover the sweep's.
   */
  private static JsonNode selectBetter(JsonNode kept, JsonNode candidate, List<String> selectOver, Path results) {
    if (selectOver.isEmpty()) {
      throw new UserInputException(results + ": runs " + kept.path("run").asText() + " and "
          + candidate.path("run").asText() + " fall in the same cell; map the axis they differ in, or select over it");
    }
    return validation(candidate) > validation(kept) ? candidate : kept;
  }

  private static double validation(JsonNode row) {
    var names = row.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.startsWith("validation_")) {
        double value = row.get(name).asDouble(Double.NaN);
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
      }
    }
    return Double.NEGATIVE_INFINITY;
  }

  private static double pairedTTest(List<Double> a, List<Double> b) {
    double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
    boolean identical = true;
    for (int i = 0; i < x.length; i++) {
      identical &= x[i] - y[i] == x[0] - y[0];
    }
    // a constant difference has no variance: the t-test is undefined, and no evidence either way
    return identical ? Double.NaN : new TTest().pairedTTest(x, y);
  }

  private static String axisValue(JsonNode row, String axis, Path results) {
    JsonNode value = row.get(axis);
    if (value == null) {
      throw new UserInputException(results + ": '" + axis + "' is not an axis of this sweep (its rows have "
          + String.join(", ", iterable(row)) + ")");
    }
    return value.asText();
  }

  private static List<String> iterable(JsonNode row) {
    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void add(List<String> values, String value) {
    if (!values.contains(value)) {
      values.add(value);
    }
  }

  private static void sortNumerically(List<String> values) {
    if (values.stream().allMatch(EffectMap::isNumber)) {
      values.sort(Comparator.comparingDouble(Double::parseDouble));
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double[] concat(List<double[]> parts) {
    return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  public List<Cell> cells() {
    return cells;
  }

  /** The heatmap of the metric's change in % (higher is better). */
  public EffectHeatmap metricHeatmap() {
    return heatmap("Test " + metric + ": " + treatment + " against " + baseline + " (change in %)", true,
        "paired Wilcoxon test over users (seeds pooled), p < 0.05", Cell::metricChangePct, Cell::metricP);
  }

  /** The heatmap of the change of epochs to the best epoch in % (lower is better). */
  public EffectHeatmap epochsHeatmap() {
    return heatmap("Epochs to the best epoch: " + treatment + " against " + baseline + " (change in %)", false,
        "paired t-test over 3+ seeds, p < 0.05", Cell::epochsChangePct, Cell::epochsP);
  }

  private EffectHeatmap heatmap(String title, boolean higherIsBetter, String significance,
      java.util.function.ToDoubleFunction<Cell> value, java.util.function.ToDoubleFunction<Cell> p) {
    double[][] values = new double[yValues.size()][xValues.size()];
    boolean[][] marks = new boolean[yValues.size()][xValues.size()];
    for (int y = 0; y < yValues.size(); y++) {
      for (int x = 0; x < xValues.size(); x++) {
        Cell cell = cells.get(y * xValues.size() + x);
        values[y][x] = value.applyAsDouble(cell);
        marks[y][x] = p.applyAsDouble(cell) < ALPHA;
      }
    }
    return new EffectHeatmap(title, xAxis, yAxis == null ? "" : yAxis, xValues, yValues, values, marks, significance, "%", higherIsBetter);
  }

  /** A Markdown table of the cells, one row per cell. */
  public String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("| ").append(xAxis).append(" | ").append(yAxis == null ? "" : yAxis).append(" | seeds | ").append(baseline).append(' ')
        .append(metric).append(" | ").append(treatment).append(' ').append(metric)
        .append(" | change | p (users) | epochs to best | change | p (seeds) | seconds to best |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Cell c : cells) {
      if (c.seeds() == 0) {
        continue;
      }
      s.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %+.1f%% | %s | %.1f -> %.1f | %+.1f%% | %s | %.1f -> %.1f |%n",
          c.x(), c.y(), c.seeds(), c.baselineMetric(), c.treatmentMetric(), c.metricChangePct(), p(c.metricP()),
          c.baselineEpochs(), c.treatmentEpochs(), c.epochsChangePct(), p(c.epochsP()), c.baselineSeconds(),
          c.treatmentSeconds()));
    }
    return s.toString();
  }

  private static String p(double p) {
    return PValues.markdown(p);
  }
}
