package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Escaping and number formatting for the report; every text from a config or data file goes through {@link #escape}. */
public final class Html {
  private Html() {}

  /** Text safe in element content and in quoted attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A run manifest's data section as the lead line of a report says it, escaped: "<b>Data</b> name: users,
   * items, train pairs; split protocol".
   */
  static String data(JsonNode data) {
    return data(List.of(data));
  }

  /**
   * The data sections of a study's runs in one lead line: a field whose runs differ (each seed re-draws its split)
   * lists its distinct values in order of appearance, "paper(seed=123,...) / paper(seed=246,...)".
   */
  static String data(List<JsonNode> sections) {
    return "<b>Data</b> " + field(sections, "name") + ": " + field(sections, "users") + " users, "
        + field(sections, "items") + " items, " + field(sections, "train_pairs") + " train pairs; split "
        + field(sections, "protocol");
  }

  private static String field(List<JsonNode> sections, String key) {
    Set<String> values = new LinkedHashSet<>();
    sections.forEach(s -> values.add(s.path(key).asText("?")));
    return escape(String.join(" / ", values));
  }

  /** A fixed number of decimals; "n/a" for a missing (NaN) value. */
  static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** A number of unknown kind (from results.json or stats.json): integers as such, others to 4 significant digits
   * without trailing zeros. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    double magnitude = Math.abs(value);
    if (magnitude < 1e-4 || magnitude >= 1e15) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
