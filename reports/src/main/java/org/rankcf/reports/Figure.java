package org.rankcf.reports;

import java.util.List;

/**
 * One figure of the report: a single chart, or a grid of small-multiple panels that share their axes.
 *
 * @param id a stable anchor for the report (lower case, dashes)
 * @param panels the charts, row by row
 * @param columns panels per row of the grid
 */
public record Figure(String id, String title, String caption, List<Panel> panels, int columns) {
  public Figure {
    panels = List.copyOf(panels);
  }

  /** A single chart. */
  static Figure single(String id, String title, String caption, Panel panel) {
    return new Figure(id, title, caption, List.of(panel), 1);
  }

  /**
   * One rendered chart.
   *
   * @param label what the panel holds within its figure (e.g. "lr 0.01"); empty for a single chart
   * @param png the image, {@code width} x {@code height} pixels
   */
  public record Panel(String label, byte[] png, int width, int height) {}
}
