package org.rankcf.datasets.io;

import java.nio.charset.StandardCharsets;

/** Number parsing straight from bytes, without building strings on the common path. */
final class ByteNumbers {
  /** Returned by {@link #parseLong} for text that is not a decimal integer of at most 18 digits. */
  static final long NOT_AN_INTEGER = Long.MIN_VALUE;

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int k = 1; k < POWERS_OF_TEN.length; k++) {
      POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10; // exact up to 1e22
    }
  }

  private ByteNumbers() {}

  /** A decimal integer with an optional sign, or {@link #NOT_AN_INTEGER}. */
  static long parseLong(byte[] data, int from, int to) {
    int p = from;
    boolean negative = false;
    if (p < to && (data[p] == '-' || data[p] == '+')) {
      negative = data[p] == '-';
      p++;
    }
    if (p == to || to - p > 18) {
      return NOT_AN_INTEGER;
    }
    long value = 0;
    for (; p < to; p++) {
      int digit = data[p] - '0';
      if (digit < 0 || digit > 9) {
        return NOT_AN_INTEGER;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /**
   * A decimal number, or NaN if the text is not one. Plain decimals with at most 15 significant digits
   * take an exact fast path (an exact integer divided by an exact power of ten rounds once); anything else
   * (exponents, long mantissas) goes through {@link Double#parseDouble}.
   */
  static double parseDouble(byte[] data, int from, int to) {
    int p = from;
    boolean negative = false;
    if (p < to && (data[p] == '-' || data[p] == '+')) {
      negative = data[p] == '-';
      p++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; p < to; p++) {
      byte b = data[p];
      if (b >= '0' && b <= '9') {
        mantissa = mantissa * 10 + (b - '0');
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else if (b == '.' && fraction < 0) {
        fraction = 0;
      } else {
        break;
      }
    }
    if (p == to && digits > 0 && digits <= 15) {
      double value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
      return negative ? -value : value;
    }
    return slowParse(data, from, to);
  }

  private static double slowParse(byte[] data, int from, int to) {
    String text = new String(data, from, to - from, StandardCharsets.US_ASCII);
    if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1))
        && text.charAt(text.length() - 1) != '.') {
      return Double.NaN; // rejects "Infinity", "NaN", "1e5d" and other Java-only spellings
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
