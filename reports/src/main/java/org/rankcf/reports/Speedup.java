package org.rankcf.reports;

import java.util.Optional;
import org.rankcf.reports.TimeToTarget.Reached;

/**
 * What warm start saved against its baseline. The fractional target is common to both runs: a fraction of
 * the baseline's best validation metric, so that both times measure reaching the same quality.
 *
 * @param warmToTarget when the warm-start run reached the baseline's target (empty if it never did)
 */
public record Speedup(
    RunPair pair, TimeToTarget warm, TimeToTarget baseline, Optional<Reached> warmToTarget) {

  public static Speedup of(RunPair pair, String metric, double fraction) {
    TimeToTarget baseline = TimeToTarget.of(pair.baseline().trajectory(), metric, fraction);
    TimeToTarget warm = TimeToTarget.of(pair.warm().trajectory(), metric, fraction);
    return new Speedup(pair, warm, baseline,
        TimeToTarget.firstReaching(pair.warm().trajectory(), metric, baseline.target()));
  }

  /** Percent fewer epochs to each run's own best. */
  public double epochsToBestReduction() {
    return reduction(baseline.toBest().epochs(), warm.toBest().epochs());
  }

  /** Percent less wall time (training and evaluation) to each run's own best. */
  public double secondsToBestReduction() {
    return reduction(baseline.toBest().elapsedSeconds(), warm.toBest().elapsedSeconds());
  }

  /** Percent fewer epochs to the baseline's target; NaN when warm start never reached it. */
  public double epochsToTargetReduction() {
    return warmToTarget.map(w -> reduction(baseline.toFraction().epochs(), w.epochs())).orElse(Double.NaN);
  }

  /** Percent less wall time to the baseline's target; NaN when warm start never reached it. */
  public double secondsToTargetReduction() {
    return warmToTarget.map(w -> reduction(baseline.toFraction().elapsedSeconds(), w.elapsedSeconds()))
        .orElse(Double.NaN);
  }

  /** Percent change of a test metric at the selected epoch (positive: warm start is better). */
  public double testChange(String metric) {
    Double base = pair.baseline().metrics().test().get(metric);
    Double with = pair.warm().metrics().test().get(metric);
    return base == null || with == null ? Double.NaN : 100 * (with - base) / base;
  }

  private static double reduction(double base, double with) {
    return 100 * (base - with) / base;
  }
}
