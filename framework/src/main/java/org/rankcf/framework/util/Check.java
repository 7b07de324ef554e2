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

  public static <T> T present(String key, T value) {
    if (value == null) {
      throw new ConfigException(key, "is required");
    }
    return value;
  }
}
