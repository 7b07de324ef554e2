package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.rankcf.evaluation.stats.PairedComparison;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.EffectHeatmap;
import org.rankcf.reports.schema.PerUserCsv;
import org.rankcf.reports.schema.ResultsRow;
import org.rankcf.reports.schema.ResultsTable;
import org.rankcf.reports.schema.RunFiles;

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
    Path results = sweepDir.resolve(RunFiles.RESULTS);
    List<ResultsRow> rows;
    try {
      rows = ResultsTable.read(sweepDir);
    } catch (UserInputException e) {
      throw new UserInputException(e.getMessage() + "; is it a finished sweep folder?", e);
    }
    // x value -> y value -> seed -> variant -> row
    Map<String, Map<String, Map<String, Map<String, ResultsRow>>>> grid = new LinkedHashMap<>();
    List<String> xValues = new ArrayList<>();
    List<String> yValues = new ArrayList<>();
    boolean anyBaseline = false;
    boolean anyTreatment = false;
    for (ResultsRow row : rows) {
      String variant = row.variant();
      if (!variant.equals(baseline) && !variant.equals(treatment)) {
        continue;
      }
      anyBaseline |= variant.equals(baseline);
      anyTreatment |= variant.equals(treatment);
      String x = axisValue(row, xAxis, results);
      String y = yAxis == null ? ONE_ROW : axisValue(row, yAxis, results);
      selectOver.forEach(axis -> axisValue(row, axis, results));
      if (!row.test().containsKey(metric)) {
        throw new UserInputException(results + ": run " + row.run() + " has no test_" + metric);
      }
      add(xValues, x);
      add(yValues, y);
      grid.computeIfAbsent(x, k -> new LinkedHashMap<>()).computeIfAbsent(y, k -> new LinkedHashMap<>())
          .computeIfAbsent(seed(row), k -> new LinkedHashMap<>())
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
        Map<String, Map<String, ResultsRow>> seeds = grid.getOrDefault(x, Map.of()).getOrDefault(y, Map.of());
        cells.add(cell(sweepDir, x, y, seeds, baseline, treatment, metric));
      }
    }
    return new EffectMap(xAxis, yAxis, baseline, treatment, metric, xValues, yValues, cells);
  }

  private static Cell cell(Path sweepDir, String x, String y, Map<String, Map<String, ResultsRow>> seeds,
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
    for (Map<String, ResultsRow> variants : seeds.values()) {
      ResultsRow b = variants.get(baseline);
      ResultsRow t = variants.get(treatment);
      if (b == null || t == null) {
        continue;
      }
      baseMetric.add(b.test().get(metric));
      treatMetric.add(t.test().get(metric));
      // epochs trained up to and including the best epoch (epochs count from 0)
      baseEpochs.add(b.bestEpoch() + 1.0);
      treatEpochs.add(t.bestEpoch() + 1.0);
      baseSeconds.add(b.secondsToBest());
      treatSeconds.add(t.secondsToBest());
      Map<Integer, Double> bu = PerUserCsv.read(sweepDir.resolve(b.run()), metric);
      Map<Integer, Double> tu = PerUserCsv.read(sweepDir.resolve(t.run()), metric);
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
  private static ResultsRow selectBetter(ResultsRow kept, ResultsRow candidate, List<String> selectOver, Path results) {
    if (selectOver.isEmpty()) {
      throw new UserInputException(results + ": runs " + kept.run() + " and " + candidate.run()
          + " fall in the same cell; map the axis they differ in, or select over it");
    }
    return validation(candidate) > validation(kept) ? candidate : kept;
  }

  /** A missing or NaN validation value loses to any other. */
  private static double validation(ResultsRow row) {
    return row.validation() == null || row.validation().isNaN() ? Double.NEGATIVE_INFINITY : row.validation();
  }

  /** The seed axis's value, "" in a sweep without one. */
  private static String seed(ResultsRow row) {
    JsonNode seed = row.axes().get("seed");
    return seed == null ? "" : seed.asText();
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

  private static String axisValue(ResultsRow row, String axis, Path results) {
    JsonNode value = row.axes().get(axis);
    if (value == null) {
      throw new UserInputException(results + ": '" + axis + "' is not an axis of this sweep (its axes are "
          + String.join(", ", row.axes().keySet()) + ")");
    }
    return value.asText();
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
