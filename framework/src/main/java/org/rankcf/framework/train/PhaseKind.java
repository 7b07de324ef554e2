package org.rankcf.framework.train;

/** Which part of the schedule an epoch belongs to; {@link #key()} is how run records spell it. */
public enum PhaseKind {
  /** The optional warm-start phase at the beginning, its own loss and regularizers, no early stopping. */
  WARM("warm"),
  /** The phase that runs until early stopping or the epoch budget. */
  TUNE("tune");

  private final String key;

  PhaseKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
