package org.rankcf.framework.util;

/** Validation helpers for config records: each throws a {@link ConfigException} naming the key. */
public final class Check {
  private Check() {}

  public static double positive(String key, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new ConfigException(key, "must be > 0 (got " + value + ")");
    }
    return value;
  }

  public static double nonNegative(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ConfigException(key, "must be >= 0 (got " + value + ")");
    }
    return value;
  }

  public static int atLeast(String key, int value, int min) {
    if (value < min) {
      throw new ConfigException(key, "must be >= " + min + " (got " + value + ")");
    }
    return value;
  }

  public static double inRange(String key, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new ConfigException(key, "must be in [" + lo + ", " + hi + "] (got " + value + ")");
    }
    return value;
  }

  /** The largest Java array: a few elements below Integer.MAX_VALUE. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * Checks that a table of {@code rows x columns} fits in one Java array (a product past that overflows
   * the int index); the message names the key whose value to lower.
   */
  public static void fitsInArray(String key, long rows, long columns) {
    if (rows > 0 && columns > MAX_ARRAY / rows) {
      throw new ConfigException(key, "too large: " + rows + " x " + columns + " = " + rows * columns
          + " entries exceed the largest table (" + MAX_ARRAY + ")");
    }
  }

  /**
   * Refuses thread counts past four per available core: more only adds switching, and a value like 1000
   * is a typo.
   */
  public static int threads(String key, int threads, int cores) {
    atLeast(key, threads, 1);
    if (threads > 4 * cores) {
      throw new ConfigException(key, "must be at most 4 x the " + cores + " available cores (got " + threads + ")");
    }
    return threads;
  }

  public static <T> T present(String key, T value) {
    if (value == null) {
      throw new ConfigException(key, "is required");
    }
    return value;
  }
}
