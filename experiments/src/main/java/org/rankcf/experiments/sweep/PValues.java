package org.rankcf.experiments.sweep;

import java.util.Locale;

/** p-values in Markdown tables: 4 decimals, scientific below 1e-4, bold below the 0.05 level, "-" when undefined. */
final class PValues {
  static final double ALPHA = 0.05;

  private PValues() {}

  static String markdown(double p) {
    if (Double.isNaN(p)) {
      return "-";
    }
    // a p-value that underflowed to 0 is below the smallest double, not exactly zero
    String text = p == 0 ? "< 1e-300" : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    return p < ALPHA ? "**" + text + "**" : text;
  }
}
