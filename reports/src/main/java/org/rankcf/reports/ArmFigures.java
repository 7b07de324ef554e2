package org.rankcf.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.Figures.Table;

/**
 * Small-multiple charts by arm: each arm drawn as its mean over seeds with a shaded min-max band, in one
 * colour per arm across every chart of the report; spectra averaged over seeds at each run's first, switch,
 * best and last epochs.
 */
final class ArmFigures {
  static final int WIDTH = 520;
  static final int HEIGHT = 340;

  private final Map<String, Color> colours = new LinkedHashMap<>();

  /** Colours by position in {@code arms}, so an arm keeps its colour in every panel. */
  ArmFigures(List<Arm> arms) {
    for (int k = 0; k < arms.size(); k++) {
      colours.put(arms.get(k).name(), Figures.PALETTE[k % Figures.PALETTE.length]);
    }
  }

  /** The curves of one group of arms (a compared pair): validation by epoch and seconds, loss, stable ranks. */
  List<Figure> curves(String groupId, List<Arm> arms, String metric) {
    List<Figure> figures = new ArrayList<>();
    String names = String.join(" vs ", arms.stream().map(Arm::name).toList());
    add(figures, groupId + "-validation-epoch", "Validation " + metric + " by epoch", names,
        chart(arms, "validation " + metric, e -> metricOf(e, metric), "epoch", EpochRecord::epoch));
    add(figures, groupId + "-validation-seconds", "Validation " + metric + " by wall time", names,
        chart(arms, "validation " + metric, e -> metricOf(e, metric), "seconds", EpochRecord::elapsedSeconds));
    add(figures, groupId + "-loss", "Training loss", names,
        chart(arms, "loss", EpochRecord::loss, "epoch", EpochRecord::epoch));
    for (Table table : Table.values()) {
      add(figures, groupId + "-srank-" + table.key, "Stable rank, " + table.key + " table", names,
          chart(arms, "stable rank", table::stableRank, "epoch", EpochRecord::epoch));
    }
    return figures;
  }

  /**
   * Per arm and table, the seed-averaged singular values at the requested epochs the arm's runs all reached,
   * or when none is requested at each run's first, end-of-warm, best and last epochs.
   */
  List<Figure> spectra(List<Arm> arms, List<Integer> requested) {
    List<Figure> figures = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      for (Table table : Table.values()) {
        Arm arm = arms.get(a);
        add(figures, "spectrum-" + (a + 1) + "-" + table.key, arm.name() + ": " + table.key + " spectrum",
            "mean over " + arm.runs().size() + (arm.runs().size() == 1 ? " seed" : " seeds"),
            spectrumChart(arm, table, requested));
      }
    }
    return figures;
  }

  XYChart chart(List<Arm> arms, String yTitle, ToDoubleFunction<EpochRecord> y, String xTitle,
      ToDoubleFunction<EpochRecord> x) {
    XYChart chart = Figures.chart(null, xTitle, yTitle, WIDTH, HEIGHT);
    for (Arm arm : arms) {
      SeedSummary s = SeedSummary.of(arm.runs(), x, y);
      if (s.size() == 0) {
        continue;
      }
      Color colour = colours.get(arm.name());
      if (arm.runs().size() > 1) {
        XYSeries band = chart.addSeries(arm.name() + " min-max", s.bandX(), s.bandY());
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setShowInLegend(false);
      }
      XYSeries mean = chart.addSeries(arm.name(), s.x(), s.mean());
      mean.setMarker(SeriesMarkers.NONE);
      mean.setLineColor(colour);
    }
    if (xTitle.equals("epoch")) {
      Figures.markSwitches(chart, arms.stream().flatMap(a -> a.runs().stream()).toList());
    }
    return chart;
  }

  XYChart spectrumChart(Arm arm, Table table, List<Integer> requested) {
    XYChart chart = Figures.chart(null, "k", "singular value", WIDTH, HEIGHT);
    // XChart's own labels suit a log axis: a fixed pattern would print small singular values as 0
    chart.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern(null);
    Map<String, ToDoubleFunction<RunRecord>> roles = requested.isEmpty() ? defaultRoles(arm) : new LinkedHashMap<>();
    for (int epoch : new TreeSet<>(requested)) {
      if (arm.runs().stream().allMatch(run -> run.trajectory().stream().anyMatch(e -> e.epoch() == epoch))) {
        roles.put("epoch " + epoch, run -> epoch);
      }
    }
    roles.forEach((role, epochOf) -> {
      double[] mean = null;
      for (RunRecord run : arm.runs()) {
        double[] sigma = table.spectrum(run.epoch((int) epochOf.applyAsDouble(run)));
        mean = mean == null ? new double[sigma.length] : mean;
        for (int k = 0; k < Math.min(mean.length, sigma.length); k++) {
          mean[k] += sigma[k] / arm.runs().size();
        }
      }
      double[] k = new double[mean.length];
      for (int j = 0; j < k.length; j++) {
        k[j] = j + 1;
      }
      Figures.addSeries(chart, role, k, mean, true);
    });
    if (!chart.getSeriesCollection().isEmpty()) {
      double[] range = Figures.yRange(chart);
      // within two decades a label per decade leaves the axis nearly bare; beyond, labels at 2..9 crowd it
      chart.getStyler().setYAxisLogarithmicDecadeOnly(range[1] / range[0] > 100);
    }
    return chart;
  }

  /** Each run's first, last warm (when all runs have a warm phase), best and last epochs. */
  private static Map<String, ToDoubleFunction<RunRecord>> defaultRoles(Arm arm) {
    Map<String, ToDoubleFunction<RunRecord>> roles = new LinkedHashMap<>();
    roles.put("first", run -> run.trajectory().get(0).epoch());
    if (arm.runs().stream().allMatch(run -> run.switchEpoch() > 0)) {
      roles.put("end of warm", run -> run.switchEpoch() - 1);
    }
    roles.put("best", run -> run.metrics().bestEpoch());
    roles.put("last", run -> run.last().epoch());
    return roles;
  }

  private static void add(List<Figure> figures, String id, String title, String caption, XYChart chart) {
    if (!chart.getSeriesCollection().isEmpty()) {
      figures.add(new Figure(id, title, caption, Figures.png(chart)));
    }
  }

  private static double metricOf(EpochRecord e, String metric) {
    Double value = e.validation().get(metric);
    return value == null ? Double.NaN : value;
  }

  /** Per epoch up to the last one every seed reached: mean x, and mean, min and max y of the finite values. */
  record SeedSummary(double[] x, double[] mean, double[] min, double[] max) {
    static SeedSummary of(List<RunRecord> runs, ToDoubleFunction<EpochRecord> x, ToDoubleFunction<EpochRecord> y) {
      TreeMap<Integer, List<EpochRecord>> byEpoch = new TreeMap<>();
      // past the shortest run a mean over fewer seeds would jump, and a mean of seconds would run backwards
      int common = runs.stream().mapToInt(run -> run.last().epoch()).min().orElse(-1);
      runs.forEach(run -> run.trajectory().forEach(e -> {
        if (e.epoch() <= common && Double.isFinite(y.applyAsDouble(e)) && Double.isFinite(x.applyAsDouble(e))) {
          byEpoch.computeIfAbsent(e.epoch(), k -> new ArrayList<>()).add(e);
        }
      }));
      int n = byEpoch.size();
      double[] xs = new double[n];
      double[] mean = new double[n];
      double[] min = new double[n];
      double[] max = new double[n];
      int k = 0;
      for (List<EpochRecord> seeds : byEpoch.values()) {
        xs[k] = seeds.stream().mapToDouble(x).average().orElseThrow();
        mean[k] = seeds.stream().mapToDouble(y).average().orElseThrow();
        min[k] = seeds.stream().mapToDouble(y).min().orElseThrow();
        max[k] = seeds.stream().mapToDouble(y).max().orElseThrow();
        k++;
      }
      return new SeedSummary(xs, mean, min, max);
    }

    int size() {
      return x.length;
    }

    /** The band's outline: along the maxima forwards, back along the minima. */
    double[] bandX() {
      return outline(x, x);
    }

    double[] bandY() {
      return outline(max, min);
    }

    private static double[] outline(double[] forwards, double[] backwards) {
      double[] out = new double[2 * forwards.length];
      for (int k = 0; k < forwards.length; k++) {
        out[k] = forwards[k];
        out[out.length - 1 - k] = backwards[k];
      }
      return out;
    }
  }
}
