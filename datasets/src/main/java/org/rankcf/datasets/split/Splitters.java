package org.rankcf.datasets.split;

import java.util.LinkedHashMap;
import java.util.Map;

/** The splitters by the short names configs use. */
public final class Splitters {
  private static final Map<String, Splitter> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("given", new GivenSplit());
    BY_NAME.put("paper", new PaperSplit());
    BY_NAME.put("ratio", new RatioSplit());
    BY_NAME.put("leave-one-out", new LeaveOneOutSplit());
    BY_NAME.put("temporal", new TemporalSplit());
  }

  private Splitters() {}

  /** The splitter of that name, or null. */
  public static Splitter named(String name) {
    return BY_NAME.get(name);
  }

  public static String names() {
    return String.join(", ", BY_NAME.keySet());
  }
}
