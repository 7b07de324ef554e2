package org.rankcf.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rankcf.framework.train.EpochRecord;

/**
 * The report's chart style and helpers, drawn off-screen with XChart: a common look, finite points only, and
 * each warm-to-tune switch marked with a dashed vertical series named {@link #SWITCH_PREFIX}.
 */
public final class Figures {
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

  /** PNG bytes of a chart at its own size (XChart 4 replaced BitmapEncoder.getBitmapBytes by ChartEncoder). */
  public static byte[] png(XYChart chart) {
    try {
      return ChartEncoder.getBytes(chart, "png");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a chart as PNG", e);
    }
  }

  /**
   * A chart of the report's style: its label (a small-multiple panel's value) as a small title when given,
   * and no legend: the report writes one legend for all the charts of a group, or a caption.
   */
  static XYChart panel(String label, String xTitle, String yTitle, int width, int height) {
    XYChartBuilder builder = new XYChartBuilder().width(width).height(height).xAxisTitle(xTitle).yAxisTitle(yTitle);
    XYChart chart = (label == null ? builder : builder.title(label)).build();
    chart.getStyler().setChartTitleVisible(label != null).setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE).setAntiAlias(true);
    chart.getStyler().setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setYAxisDecimalPattern("#,##0.####");
    chart.getStyler().setSeriesColors(PALETTE);
    chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
        .setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    chart.getStyler().setLegendVisible(false).setChartTitleBoxVisible(false).setChartTitlePadding(2)
        .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12)).setChartPadding(6);
    return chart;
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
   * A dashed vertical line half an epoch before each distinct first tune epoch of the runs (the weights
   * change between the last warm epoch and the first tune epoch), spanning {@code range} (low, high): the
   * panels of a figure share it.
   */
  static void markSwitches(XYChart chart, List<RunRecord> runs, double[] range) {
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
  static double[] yRange(XYChart chart) {
    return new double[] {
      chart.getSeriesCollection().stream().mapToDouble(XYSeries::getYMin).min().orElseThrow(),
      chart.getSeriesCollection().stream().mapToDouble(XYSeries::getYMax).max().orElseThrow()
    };
  }
}
