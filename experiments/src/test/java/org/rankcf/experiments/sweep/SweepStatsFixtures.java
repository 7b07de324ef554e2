package org.rankcf.experiments.sweep;

import java.util.Map;
import org.rankcf.reports.schema.RunMetrics;

/** Run metrics with chosen test values and seconds to the best epoch, the rest fixed. */
final class SweepStatsFixtures {
  private SweepStatsFixtures() {}

  static RunMetrics run(Map<String, Double> test, double secondsToBest) {
    return new RunMetrics(3, 5, "early-stopping", -1, "ndcg@20", false, Map.of("ndcg@20", 0.5), test, 100, 2.0,
        3.0, 10.0, 2.0, secondsToBest, Map.of());
  }
}
