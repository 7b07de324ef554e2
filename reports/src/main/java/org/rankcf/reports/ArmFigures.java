package org.rankcf.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Charts by arm: each arm drawn as its mean over seeds with a shaded band (min-max or ± std), in one colour
 * per arm across every chart of the report; curves as small multiples when the sweep has panels
 * ({@link Facets}), sharing their axes; spectra averaged over seeds at each run's first, switch, best and
 * last epochs.
 */
final class ArmFigures {
  static final int WIDTH = 420;
  static final int HEIGHT = 290;
  /** A small-multiple panel: a grid of two fits twice beside itself in a 1,400 px window. */
  static final int PANEL_WIDTH = 310;
  static final int PANEL_HEIGHT = 220;
  /** Wider grids share this width, at most {@link #MAX_COLUMNS} panels a row. */
  static final int GRID_WIDTH = 1290;
  static final int MAX_COLUMNS = 4;
  static final int GAP = 8;

  private final Map<String, Color> colours = new LinkedHashMap<>();
  private final Band band;

  /** Colours by position in {@code arms} (arm or line names), so an arm keeps its colour in every panel. */
  ArmFigures(List<String> arms, Band band) {
    for (int k = 0; k < arms.size(); k++) {
      colours.putIfAbsent(arms.get(k), Figures.PALETTE[colours.size() % Figures.PALETTE.length]);
    }
    this.band = band;
  }

  /**
   * An arm's colour; an arm that small multiples drew as a line ("bpr data.path=x" as "bpr") takes its line's,
   * and one the figures never drew the first.
   */
  Color colour(String arm) {
    Color exact = colours.get(arm);
    if (exact != null) {
      return exact;
    }
    return colours.entrySet().stream().filter(e -> arm.startsWith(e.getKey() + " "))
        .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue)
        .orElse(Figures.PALETTE[0]);
  }

  Band band() {
    return band;
  }

  /** What one curve figure plots. */
  record Curve(String id, String title, String yTitle, ToDoubleFunction<EpochRecord> y, String xTitle,
      ToDoubleFunction<EpochRecord> x) {}

  /**
   * The curves of one group of arms (a compared pair): validation by epoch and seconds, loss, stable ranks;
   * {@code panels.get(p)} holds the arms drawn in {@code facets.panels().get(p)}.
   */
  List<Figure> curves(String groupId, Facets facets, List<List<Arm>> panels, String metric) {
    List<Curve> curves = new ArrayList<>(List.of(validationByEpoch(metric),
        new Curve("validation-seconds", "Validation " + metric + " by wall time", "validation " + metric,
            e -> metricOf(e, metric), "seconds", EpochRecord::elapsedSeconds),
        new Curve("loss", "Training loss", "loss", EpochRecord::loss, "epoch", EpochRecord::epoch)));
    for (Table table : Table.values()) {
      curves.add(new Curve("srank-" + table.key, "Stable rank, " + table.key + " table", "stable rank",
          table::stableRank, "epoch", EpochRecord::epoch));
    }
    List<Figure> figures = new ArrayList<>();
    for (Curve curve : curves) {
      figure(groupId + "-" + curve.id(), facets, panels, curve).ifPresent(figures::add);
    }
    return figures;
  }

  static Curve validationByEpoch(String metric) {
    return new Curve("validation-epoch", "Validation " + metric + " by epoch", "validation " + metric,
        e -> metricOf(e, metric), "epoch", EpochRecord::epoch);
  }

  /** The curves of a single group of arms in one panel (no small multiples). */
  List<Figure> curves(String groupId, List<Arm> arms, String metric) {
    return curves(groupId, Facets.none(), List.of(arms), metric);
  }

  private Optional<Figure> figure(String id, Facets facets, List<List<Arm>> panels, Curve curve) {
    List<XYChart> charts = panelCharts(facets, panels, curve);
    if (charts.isEmpty()) {
      return Optional.empty();
    }
    List<Figure.Panel> images = new ArrayList<>();
    for (XYChart chart : charts) {
      String label = facets.isNone() ? "" : chart.getTitle();
      images.add(new Figure.Panel(label, Figures.png(chart), chart.getWidth(), chart.getHeight()));
    }
    String caption = facets.isNone() ? "" : "a panel per " + facets.describe() + ", shared axes";
    return Optional.of(new Figure(id, curve.title(), caption, images, columns(facets)));
  }

  private static int columns(Facets facets) {
    return facets.isNone() ? 1 : Math.min(facets.columns(), MAX_COLUMNS);
  }

  /**
   * One chart per panel that has runs, titled by the panel, all on the x and y ranges of all (so that panels
   * compare at a glance: a curve higher or sooner in one panel is higher or sooner), each with its runs'
   * switch markers spanning the y range.
   */
  List<XYChart> panelCharts(Facets facets, List<List<Arm>> panels, Curve curve) {
    boolean single = facets.isNone();
    int columns = columns(facets);
    int width = single ? WIDTH : columns <= 2 ? PANEL_WIDTH : (GRID_WIDTH - GAP * (columns - 1)) / columns;
    int height = single ? HEIGHT : width * PANEL_HEIGHT / PANEL_WIDTH;
    List<XYChart> charts = new ArrayList<>();
    List<List<Arm>> drawn = new ArrayList<>();
    for (int p = 0; p < panels.size(); p++) {
      XYChart chart = chart(panels.get(p), curve.yTitle(), curve.y(), curve.xTitle(), curve.x(), width, height,
          single ? null : facets.panels().get(p).label(facets.keys()));
      if (!chart.getSeriesCollection().isEmpty()) {
        charts.add(chart);
        drawn.add(panels.get(p));
      }
    }
    if (charts.isEmpty()) {
      return charts;
    }
    double[] range = {
      charts.stream().mapToDouble(c -> Figures.yRange(c)[0]).min().orElseThrow(),
      charts.stream().mapToDouble(c -> Figures.yRange(c)[1]).max().orElseThrow()
    };
    double xMin = charts.stream().flatMap(c -> c.getSeriesCollection().stream()).mapToDouble(XYSeries::getXMin)
        .min().orElseThrow();
    double xMax = charts.stream().flatMap(c -> c.getSeriesCollection().stream()).mapToDouble(XYSeries::getXMax)
        .max().orElseThrow();
    for (int c = 0; c < charts.size(); c++) {
      if (charts.size() > 1 && range[1] > range[0]) {
        charts.get(c).getStyler().setYAxisMin(range[0]).setYAxisMax(range[1]);
      }
      if (charts.size() > 1 && xMax > xMin) {
        charts.get(c).getStyler().setXAxisMin(xMin).setXAxisMax(xMax);
      }
      if (curve.xTitle().equals("epoch")) {
        Figures.markSwitches(charts.get(c), drawn.get(c).stream().flatMap(a -> a.runs().stream()).toList(), range);
      }
    }
    return charts;
  }

  /** One panel's chart of the arms' mean curves and bands, without the switch markers. */
  XYChart chart(List<Arm> arms, String yTitle, ToDoubleFunction<EpochRecord> y, String xTitle,
      ToDoubleFunction<EpochRecord> x, int width, int height, String label) {
    XYChart chart = Figures.panel(label, xTitle, yTitle, width, height);
    for (Arm arm : arms) {
      SeedSummary s = SeedSummary.of(arm.runs(), x, y);
      if (s.size() == 0) {
        continue;
      }
      Color colour = colours.get(arm.name());
      if (arm.runs().size() > 1) {
        XYSeries shade = chart.addSeries(arm.name() + " " + band, s.bandX(), s.bandY(band));
        shade.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        shade.setMarker(SeriesMarkers.NONE);
        shade.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
        shade.setLineColor(new Color(0, 0, 0, 0));
        shade.setShowInLegend(false);
      }
      XYSeries mean = chart.addSeries(arm.name(), s.x(), s.mean());
      mean.setMarker(SeriesMarkers.NONE);
      mean.setLineColor(colour);
    }
    return chart;
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
        XYChart chart = spectrumChart(arm, table, requested);
        if (!chart.getSeriesCollection().isEmpty()) {
          String roles = String.join(", ", chart.getSeriesCollection().stream().map(XYSeries::getName).toList());
          figures.add(Figure.single("spectrum-" + (a + 1) + "-" + table.key, arm.name() + ": " + table.key
              + " spectrum", "mean over " + arm.runs().size() + (arm.runs().size() == 1 ? " seed" : " seeds")
              + "; pale to full: " + roles, new Figure.Panel("", Figures.png(chart), PANEL_WIDTH, PANEL_HEIGHT)));
        }
      }
    }
    return figures;
  }

  XYChart spectrumChart(Arm arm, Table table, List<Integer> requested) {
    // a compact grid, four to a row: the caption names the epochs, so the chart needs no legend
    XYChart chart = Figures.panel(null, "k", "singular value", PANEL_WIDTH, PANEL_HEIGHT);
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
    // the arm's colour, from pale at the first role to full at the last: the chart stays the arm's
    List<XYSeries> series = List.copyOf(chart.getSeriesCollection());
    Color colour = colour(arm.name());
    for (int k = 0; k < series.size(); k++) {
      double pale = series.size() == 1 ? 0 : 0.7 * (series.size() - 1 - k) / (series.size() - 1);
      series.get(k).setLineColor(new Color((int) Math.round(colour.getRed() + pale * (255 - colour.getRed())),
          (int) Math.round(colour.getGreen() + pale * (255 - colour.getGreen())),
          (int) Math.round(colour.getBlue() + pale * (255 - colour.getBlue()))));
    }
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

  private static double metricOf(EpochRecord e, String metric) {
    Double value = e.validation().get(metric);
    return value == null ? Double.NaN : value;
  }

  /**
   * Per epoch up to the last one every seed reached: mean x, and mean, min, max and sample standard
   * deviation (0 for one seed) of the finite y values.
   */
  record SeedSummary(double[] x, double[] mean, double[] min, double[] max, double[] std) {
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
      double[] std = new double[n];
      int k = 0;
      for (List<EpochRecord> seeds : byEpoch.values()) {
        xs[k] = seeds.stream().mapToDouble(x).average().orElseThrow();
        mean[k] = seeds.stream().mapToDouble(y).average().orElseThrow();
        min[k] = seeds.stream().mapToDouble(y).min().orElseThrow();
        max[k] = seeds.stream().mapToDouble(y).max().orElseThrow();
        std[k] = seeds.size() < 2 ? 0 : Findings.std(seeds.stream().mapToDouble(y).toArray());
        k++;
      }
      return new SeedSummary(xs, mean, min, max, std);
    }

    int size() {
      return x.length;
    }

    /** The band's outline: along the maxima forwards, back along the minima. */
    double[] bandX() {
      return outline(x, x);
    }

    /** Along the band's upper edge forwards, back along its lower edge. */
    double[] bandY(Band band) {
      if (band == Band.MIN_MAX) {
        return outline(max, min);
      }
      double[] upper = new double[mean.length];
      double[] lower = new double[mean.length];
      for (int k = 0; k < mean.length; k++) {
        upper[k] = mean[k] + std[k];
        lower[k] = mean[k] - std[k];
      }
      return outline(upper, lower);
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
