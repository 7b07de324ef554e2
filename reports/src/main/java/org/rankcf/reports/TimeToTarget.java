package org.rankcf.reports;

import java.util.List;
import java.util.Optional;
import org.rankcf.framework.train.EpochRecord;

/**
 * How long a run took to reach its best validation metric, and to reach a fraction of it: the measure of
 * the warm-start speed-up, for a non-negative metric. An epoch "reaches" a threshold when its metric is at least the threshold; the
 * best is the first epoch with the maximum (the trainer keeps the first on ties).
 *
 * @param best the best value of the metric
 * @param toBest when the best was first reached
 * @param fraction the fraction of the best that counts as the target (0.95)
 * @param toFraction when fraction * best was first reached
 */
public record TimeToTarget(String metric, double best, Reached toBest, double fraction, Reached toFraction) {

  /**
   * The moment a threshold was reached.
   *
   * @param epoch the 0-based epoch that reached it
   * @param epochs epochs trained until then (epoch + 1)
   * @param elapsedSeconds training plus evaluation seconds when that epoch ended
   * @param trainSeconds training seconds only, summed over the epochs up to it
   */
  public record Reached(int epoch, int epochs, double elapsedSeconds, double trainSeconds) {}

  /** The best value and the time to it and to {@code fraction} of it. */
  public static TimeToTarget of(List<EpochRecord> trajectory, String metric, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    int bestIndex = -1;
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < trajectory.size(); k++) {
      double value = value(trajectory.get(k), metric);
      if (value > best) {
        best = value;
        bestIndex = k;
      }
    }
    if (bestIndex < 0) {
      throw new IllegalArgumentException("no epoch has a finite validation " + metric);
    }
    if (best < 0) {
      throw new IllegalArgumentException("a fraction of a negative best " + metric + " is no target: " + best);
    }
    Reached toBest = reachedAt(trajectory, bestIndex);
    // the best epoch reaches any fraction of the best, so the search always succeeds
    Reached toFraction = firstReaching(trajectory, metric, fraction * best).orElseThrow();
    return new TimeToTarget(metric, best, toBest, fraction, toFraction);
  }

  /** The first epoch whose metric is at least {@code threshold}, if any. */
  public static Optional<Reached> firstReaching(List<EpochRecord> trajectory, String metric, double threshold) {
    for (int k = 0; k < trajectory.size(); k++) {
      if (value(trajectory.get(k), metric) >= threshold) {
        return Optional.of(reachedAt(trajectory, k));
      }
    }
    return Optional.empty();
  }

  /** The fraction's threshold: fraction * best. */
  public double target() {
    return fraction * best;
  }

  private static Reached reachedAt(List<EpochRecord> trajectory, int index) {
    double train = 0;
    for (int k = 0; k <= index; k++) {
      train += trajectory.get(k).trainSeconds();
    }
    EpochRecord record = trajectory.get(index);
    return new Reached(record.epoch(), record.epoch() + 1, record.elapsedSeconds(), train);
  }

  /** A missing or non-finite value never reaches anything. */
  private static double value(EpochRecord record, String metric) {
    Double value = record.validation().get(metric);
    return value == null || !Double.isFinite(value) ? Double.NEGATIVE_INFINITY : value;
  }
}
