package org.rankcf.datasets;

/** The role of a data file (and of its pairs) in a data set. */
public enum Part {
  TRAIN("train"),
  VALIDATION("validation"),
  TEST("test"),
  /** The pairs of a data set that ships as one file, before any split. */
  ALL("all");

  private final String label;

  Part(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
