package org.rankcf.reports;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * A treatment's effect over a two-axis grid drawn as a self-contained SVG heatmap: one cell per (x, y) with
 * its value written in it, a diverging colour scale symmetric around zero (blue where the effect is
 * positive, red where negative), and a heavy outline plus an asterisk on the cells marked significant.
 * Written by hand rather than with XChart because XChart's heatmap cannot mark single cells.
 *
 * @param values {@code values[y][x]}; NaN draws an empty grey cell (no pair of runs there)
 * @param significant {@code significant[y][x]}
 * @param significance what a mark means, for the legend (e.g. "paired test over users, p < 0.05")
 * @param higherIsBetter whether a positive value is good (blue) or bad (red)
 */
public record EffectHeatmap(
    String title, String xTitle, String yTitle, List<String> xLabels, List<String> yLabels, double[][] values,
    boolean[][] significant, String significance, String unit, boolean higherIsBetter) {
  private static final int CELL_W = 96;
  private static final int CELL_H = 48;
  private static final int LEFT = 120;
  private static final int TOP = 56;
  private static final int BOTTOM = 96;
  private static final int LEGEND_WIDTH = 480;
  private static final Color GOOD = new Color(0x2166ac);
  private static final Color BAD = new Color(0xb2182b);

  public EffectHeatmap {
    if (values.length != yLabels.size() || significant.length != yLabels.size()) {
      throw new IllegalArgumentException("one row of values per y label");
    }
    for (int y = 0; y < values.length; y++) {
      if (values[y].length != xLabels.size() || significant[y].length != xLabels.size()) {
        throw new IllegalArgumentException("one value per x label in row " + y);
      }
    }
  }

  /** The largest |value| of the grid, the colour scale's end; at least a tiny positive number. */
  double scale() {
    double max = 1e-12;
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, Math.abs(v));
        }
      }
    }
    return max;
  }

  /** The fill of a cell: white at zero, full blue or red at the scale's end. */
  Color fill(double value) {
    if (Double.isNaN(value)) {
      return new Color(0xdddddd);
    }
    double t = Math.min(1, Math.abs(value) / scale());
    boolean good = (value >= 0) == higherIsBetter;
    Color end = good ? GOOD : BAD;
    return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
  }

  private static int mix(int from, int to, double t) {
    return (int) Math.round(from + (to - from) * t);
  }

  public String svg() {
    // wide enough for the title (about 8.5 px a character at 15 px bold) and the legend lines
    int width = Math.max(LEFT + CELL_W * xLabels.size() + 24, Math.max(LEGEND_WIDTH, (int) (title.length() * 8.5) + 32));
    int height = TOP + CELL_H * yLabels.size() + BOTTOM;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">%n", width, height, width, height));
    s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    s.append(text(width / 2, 24, "middle", "font-size=\"15\" font-weight=\"bold\"", title));
    for (int y = 0; y < yLabels.size(); y++) {
      // the first y label at the bottom, as on a plot's axis
      int top = TOP + CELL_H * (yLabels.size() - 1 - y);
      s.append(text(LEFT - 8, top + CELL_H / 2 + 5, "end", "", yLabels.get(y)));
      for (int x = 0; x < xLabels.size(); x++) {
        int left = LEFT + CELL_W * x;
        double v = values[y][x];
        Color c = fill(v);
        boolean mark = significant[y][x];
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#%06x\" "
            + "stroke=\"%s\" stroke-width=\"%s\"/>%n", left, top, CELL_W, CELL_H, c.getRGB() & 0xffffff,
            mark ? "black" : "#cccccc", mark ? "3" : "1"));
        String label = Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.1f%s%s", v, unit, mark ? " *" : "");
        String ink = Math.abs(Double.isNaN(v) ? 0 : v) / scale() > 0.6 ? "white" : "black";
        s.append(text(left + CELL_W / 2, top + CELL_H / 2 + 5, "middle", "fill=\"" + ink + "\"", label));
      }
    }
    int axisY = TOP + CELL_H * yLabels.size();
    for (int x = 0; x < xLabels.size(); x++) {
      s.append(text(LEFT + CELL_W * x + CELL_W / 2, axisY + 18, "middle", "", xLabels.get(x)));
    }
    s.append(text(LEFT + CELL_W * xLabels.size() / 2, axisY + 40, "middle", "", xTitle));
    s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">%s</text>%n",
        TOP + CELL_H * yLabels.size() / 2, TOP + CELL_H * yLabels.size() / 2, Html.escape(yTitle)));
    s.append(text(16, axisY + 62, "start", "font-size=\"11\" fill=\"#555\"", "blue: better, red: worse, grey: no pair"));
    s.append(text(16, axisY + 78, "start", "font-size=\"11\" fill=\"#555\"", "* and heavy outline: " + significance));
    return s.append("</svg>\n").toString();
  }

  private static String text(int x, int y, String anchor, String attributes, String content) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor,
        attributes, Html.escape(content));
  }
}
