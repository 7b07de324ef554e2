package org.rankcf.experiments.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Short metric summaries for the terminal. */
final class Summary {
  private Summary() {}

  static String metrics(Map<String, Double> metrics) {
    return metrics.entrySet().stream().filter(e -> e.getKey().endsWith("@20"))
        .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
  }
}
