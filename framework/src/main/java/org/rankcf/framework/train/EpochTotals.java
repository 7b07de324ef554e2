package org.rankcf.framework.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an epoch's steps add up: the objective, each term's value and seconds, the update's seconds. */
final class EpochTotals {
  private final Map<String, Double> termSums = new LinkedHashMap<>();
  private final Map<String, Double> termSeconds = new LinkedHashMap<>();
  private double objectiveSum;
  private long updateNanos;

  /** Adds one term's value and the seconds since {@code start}; returns the time now. */
  long addTerm(String name, double value, long start) {
    long now = System.nanoTime();
    termSeconds.merge(name, (now - start) / 1e9, Double::sum);
    termSums.merge(name, value, Double::sum);
    return now;
  }

  void addObjective(double total) {
    objectiveSum += total;
  }

  void addUpdateNanos(long nanos) {
    updateNanos += nanos;
  }

  double meanObjective(int steps) {
    return objectiveSum / steps;
  }

  /** Each term's mean unweighted value over the steps. */
  Map<String, Double> meanTerms(int steps) {
    Map<String, Double> terms = new LinkedHashMap<>();
    termSums.forEach((name, sum) -> terms.put(name, sum / steps));
    return terms;
  }

  Map<String, Double> termSeconds() {
    return termSeconds;
  }

  double updateSeconds() {
    return updateNanos / 1e9;
  }
}
