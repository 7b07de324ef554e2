package org.rankcf.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rankcf.framework.train.EpochRecord;

/**
 * The report's charts, drawn off-screen with XChart at a fixed size. Curves over epochs overlay every run
 * and mark each warm-to-tune switch with a dashed vertical series named {@link #SWITCH_PREFIX}.
 */
public final class Figures {
  public static final int WIDTH = 960;
  public static final int HEIGHT = 540;
  /** Names the series that mark a phase switch; the epoch follows in the name. */
  public static final String SWITCH_PREFIX = "switch to tune at epoch ";

  private static final BasicStroke DASHED =
      new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  /** Ten colours that stay apart on white and for most colour-blind readers (Tableau 10). */
  static final Color[] PALETTE = {
    new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2), new Color(0x59a14f),
    new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac)
  };

  static {
    // charts are drawn into images, never shown; a JVM without a display must not try to open one
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Figures() {}

  /**
   * Every figure for a set of runs: the selection metric over epochs and over wall time, the loss, the
   * stable rank of both tables, and each run's spectra at {@code spectrumEpochs} (or, when empty, at its
   * first, last warm, best and last epochs).
   */
  public static List<Figure> forRuns(List<RunRecord> runs, String metric, List<Integer> spectrumEpochs) {
    List<Figure> figures = new ArrayList<>();
    add(figures, "validation-by-epoch", "Validation " + metric + " by epoch",
        "Selection metric on the validation split after each epoch.", validationByEpoch(runs, metric));
    add(figures, "validation-by-time", "Validation " + metric + " by wall time",
        "Seconds of training and evaluation since the start of each run.", validationBySeconds(runs, metric));
    add(figures, "loss", "Training loss by epoch",
        "Mean objective over the epoch's steps, regularizers included (the warm phase has its own terms).",
        lossByEpoch(runs));
    for (Table table : Table.values()) {
      add(figures, "stable-rank-" + table.key, "Stable rank of the " + table.key + " table",
          "srank(E) = ||E||_F^2 / ||E||_2^2 of the full " + table.key + " embedding table after each epoch.",
          stableRank(runs, table));
    }
    for (int r = 0; r < runs.size(); r++) {
      RunRecord run = runs.get(r);
      Map<Integer, String> epochs = spectrumEpochs(run, spectrumEpochs);
      for (Table table : Table.values()) {
        add(figures, "spectrum-" + table.key + "-" + (r + 1), run.label() + ": " + table.key + " singular values",
            "Singular values of the " + table.key + " table, largest first, at selected epochs (log scale).",
            spectra(run, table, epochs));
      }
    }
    return figures;
  }

  private static void add(List<Figure> figures, String id, String title, String caption, XYChart chart) {
    if (!chart.getSeriesCollection().isEmpty()) {
      figures.add(new Figure(id, title, caption, png(chart)));
    }
  }

  /** Which embedding table a figure shows. */
  enum Table {
    USER("user"), ITEM("item");

    final String key;

    Table(String key) {
      this.key = key;
    }

    double stableRank(EpochRecord e) {
      return this == USER ? e.userStableRank() : e.itemStableRank();
    }

    double[] spectrum(EpochRecord e) {
      return this == USER ? e.userSpectrum() : e.itemSpectrum();
    }
  }

  static XYChart validationByEpoch(List<RunRecord> runs, String metric) {
    XYChart chart = chart("Validation " + metric, "epoch", metric);
    runs.forEach(run -> curve(chart, run.label(), run.trajectory(), EpochRecord::epoch, e -> metricOf(e, metric)));
    markSwitches(chart, runs);
    return chart;
  }

  static XYChart validationBySeconds(List<RunRecord> runs, String metric) {
    XYChart chart = chart("Validation " + metric + " by wall time", "seconds", metric);
    runs.forEach(run -> curve(chart, run.label(), run.trajectory(), EpochRecord::elapsedSeconds,
        e -> metricOf(e, metric)));
    return chart;
  }

  static XYChart lossByEpoch(List<RunRecord> runs) {
    XYChart chart = chart("Training loss", "epoch", "loss");
    runs.forEach(run -> curve(chart, run.label(), run.trajectory(), EpochRecord::epoch, EpochRecord::loss));
    markSwitches(chart, runs);
    return chart;
  }

  static XYChart stableRank(List<RunRecord> runs, Table table) {
    XYChart chart = chart("Stable rank, " + table.key + " table", "epoch", "stable rank");
    runs.forEach(run -> curve(chart, run.label(), run.trajectory(), EpochRecord::epoch, table::stableRank));
    markSwitches(chart, runs);
    return chart;
  }

  /** One series per chosen epoch: sigma_k against k = 1..d, on a log y-axis (zeros cannot be drawn). */
  static XYChart spectra(RunRecord run, Table table, Map<Integer, String> epochs) {
    XYChart chart = chart(run.label() + ": " + table.key + " spectrum", "k", "singular value");
    // XChart's own labels suit a log axis: a fixed pattern would print small singular values as 0
    chart.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern(null);
    epochs.forEach((epoch, why) -> {
      double[] sigma = table.spectrum(run.epoch(epoch));
      double[] k = new double[sigma.length];
      for (int j = 0; j < k.length; j++) {
        k[j] = j + 1;
      }
      addSeries(chart, "epoch " + epoch + " (" + why + ")", k, sigma, true);
    });
    if (!chart.getSeriesCollection().isEmpty()) {
      double[] range = yRange(chart);
      // within two decades a label per decade leaves the axis nearly bare; beyond, labels at 2..9 crowd it
      chart.getStyler().setYAxisLogarithmicDecadeOnly(range[1] / range[0] > 100);
    }
    return chart;
  }

  /** First, last warm, best and last epochs; one series per distinct epoch, its roles joined. */
  static Map<Integer, String> defaultSpectrumEpochs(RunRecord run) {
    Map<Integer, String> epochs = new LinkedHashMap<>();
    epochs.merge(run.trajectory().get(0).epoch(), "first", Figures::join);
    if (run.switchEpoch() > 0) {
      epochs.merge(run.switchEpoch() - 1, "end of warm", Figures::join);
    }
    epochs.merge(run.metrics().bestEpoch(), "best", Figures::join);
    epochs.merge(run.last().epoch(), "last", Figures::join);
    Map<Integer, String> sorted = new LinkedHashMap<>();
    new TreeSet<>(epochs.keySet()).forEach(e -> sorted.put(e, epochs.get(e)));
    return sorted;
  }

  /** The requested epochs this run has (a shorter run lacks the late ones), or the defaults if none is requested. */
  static Map<Integer, String> spectrumEpochs(RunRecord run, List<Integer> requested) {
    if (requested.isEmpty()) {
      return defaultSpectrumEpochs(run);
    }
    Map<Integer, String> epochs = new LinkedHashMap<>();
    for (int epoch : new TreeSet<>(requested)) {
      if (run.trajectory().stream().anyMatch(e -> e.epoch() == epoch)) {
        epochs.put(epoch, "chosen");
      }
    }
    return epochs;
  }

  private static String join(String a, String b) {
    return a + ", " + b;
  }

  /** PNG bytes of a chart at its own size (XChart 4 replaced BitmapEncoder.getBitmapBytes by ChartEncoder). */
  public static byte[] png(XYChart chart) {
    try {
      return ChartEncoder.getBytes(chart, "png");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a chart as PNG", e);
    }
  }

  private static XYChart chart(String title, String xTitle, String yTitle) {
    return chart(title, xTitle, yTitle, WIDTH, HEIGHT);
  }

  /** A chart of the report's style; a small one (no title) keeps its legend below the plot, leaving the width to the curves. */
  static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
    XYChartBuilder builder = new XYChartBuilder().width(width).height(height).xAxisTitle(xTitle).yAxisTitle(yTitle);
    XYChart chart = (title == null ? builder : builder.title(title)).build();
    chart.getStyler().setLegendPosition(title == null ? LegendPosition.OutsideS : LegendPosition.OutsideE)
        .setChartTitleVisible(title != null).setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE).setAntiAlias(true);
    chart.getStyler().setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setYAxisDecimalPattern("#,##0.####");
    chart.getStyler().setSeriesColors(PALETTE);
    return chart;
  }

  private static void curve(XYChart chart, String name, List<EpochRecord> trajectory, ToDoubleFunction<EpochRecord> x,
      ToDoubleFunction<EpochRecord> y) {
    double[] xs = trajectory.stream().mapToDouble(x).toArray();
    double[] ys = trajectory.stream().mapToDouble(y).toArray();
    addSeries(chart, name, xs, ys, false);
  }

  /** Adds the finite points (positive ones on a log axis); a series with no such point is left out. */
  static void addSeries(XYChart chart, String name, double[] xs, double[] ys, boolean logY) {
    int n = 0;
    double[] keptX = new double[xs.length];
    double[] keptY = new double[ys.length];
    for (int k = 0; k < xs.length; k++) {
      if (Double.isFinite(xs[k]) && Double.isFinite(ys[k]) && (!logY || ys[k] > 0)) {
        keptX[n] = xs[k];
        keptY[n] = ys[k];
        n++;
      }
    }
    if (n == 0) {
      return;
    }
    XYSeries series = chart.addSeries(name, java.util.Arrays.copyOf(keptX, n), java.util.Arrays.copyOf(keptY, n));
    series.setMarker(n > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
  }

  /**
   * A dashed vertical line half an epoch before each distinct first tune epoch, spanning the data drawn so
   * far: the weights change between the last warm epoch and the first tune epoch.
   */
  static void markSwitches(XYChart chart, List<RunRecord> runs) {
    if (chart.getSeriesCollection().isEmpty()) {
      return;
    }
    double[] range = yRange(chart);
    TreeSet<Integer> switches = new TreeSet<>();
    runs.stream().mapToInt(RunRecord::switchEpoch).filter(s -> s >= 0).forEach(switches::add);
    for (int epoch : switches) {
      XYSeries marker = chart.addSeries(SWITCH_PREFIX + epoch, new double[] {epoch - 0.5, epoch - 0.5},
          new double[] {range[0], range[1]});
      marker.setMarker(SeriesMarkers.NONE);
      marker.setLineColor(Color.BLACK);
      marker.setLineStyle(DASHED);
    }
  }

  /** The lowest and highest y of the series drawn so far (there must be one). */
  private static double[] yRange(XYChart chart) {
    return new double[] {
      chart.getSeriesCollection().stream().mapToDouble(XYSeries::getYMin).min().orElseThrow(),
      chart.getSeriesCollection().stream().mapToDouble(XYSeries::getYMax).max().orElseThrow()
    };
  }

  private static double metricOf(EpochRecord e, String metric) {
    Double value = e.validation().get(metric);
    return value == null ? Double.NaN : value;
  }
}
