package org.rankcf.evaluation;

/** A reported metric key "name@K", e.g. "ndcg@20". */
public record MetricKey(String name, int k) {
  public MetricKey {
    if (k < 1) {
      throw new IllegalArgumentException("cut-off K must be >= 1 (got " + k + ")");
    }
  }

  /** Parses "name@K"; throws IllegalArgumentException naming the expected form. */
  public static MetricKey parse(String key) {
    int at = key.lastIndexOf('@');
    if (at <= 0 || !key.substring(at + 1).matches("\\d{1,9}")) {
      throw new IllegalArgumentException("'" + key + "' is not of the form name@K");
    }
    return new MetricKey(key.substring(0, at), Integer.parseInt(key.substring(at + 1)));
  }

  @Override
  public String toString() {
    return name + "@" + k;
  }
}
