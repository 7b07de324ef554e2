package org.rankcf.datasets.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the fields of a delimited line are separated. */
public enum Delimiter {
  /** Runs of spaces and tabs. */
  WHITESPACE("whitespace", null),
  TAB("tab", "\t"),
  COMMA("comma", ","),
  SEMICOLON("semicolon", ";"),
  PIPE("pipe", "|"),
  /** MovieLens {@code ratings.dat}. */
  DOUBLE_COLON("double-colon", "::");

  private final String label;
  private final byte[] separator;

  Delimiter(String label, String separator) {
    this.label = label;
    this.separator = separator == null ? null : separator.getBytes(StandardCharsets.US_ASCII);
  }

  public String label() {
    return label;
  }

  /** The separator bytes, null for {@link #WHITESPACE}. */
  byte[] separator() {
    return separator;
  }

  /** By label, or by the separator itself ({@code "\t"}, {@code ","}, {@code "::"}...); null if unknown. */
  public static Delimiter named(String text) {
    String key = text.toLowerCase(Locale.ROOT);
    for (Delimiter d : values()) {
      boolean literal = d.separator != null && new String(d.separator, StandardCharsets.US_ASCII).equals(text);
      if (d.label.equals(key) || literal) {
        return d;
      }
    }
    return switch (key) {
      case "space", " " -> WHITESPACE;
      case "\\t" -> TAB;
      default -> null;
    };
  }

  public static String labels() {
    return Arrays.stream(values()).map(Delimiter::label).collect(Collectors.joining(", "));
  }

  /** Guesses from a sample line: "::", then tab, comma, semicolon, pipe, else white space. */
  static Delimiter guess(byte[] data, int from, int to) {
    boolean tab = false;
    boolean comma = false;
    boolean semicolon = false;
    boolean pipe = false;
    for (int p = from; p < to; p++) {
      switch (data[p]) {
        case ':' -> {
          if (p + 1 < to && data[p + 1] == ':') {
            return DOUBLE_COLON;
          }
        }
        case '\t' -> tab = true;
        case ',' -> comma = true;
        case ';' -> semicolon = true;
        case '|' -> pipe = true;
        default -> { }
      }
    }
    return tab ? TAB : comma ? COMMA : semicolon ? SEMICOLON : pipe ? PIPE : WHITESPACE;
  }
}
