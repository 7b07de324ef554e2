package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/**
 * IR-Benchmark's MRR@K (LOSSES.md §P8): the mean of 1 / rank over every target in the top K, 0 without
 * hits. Unlike {@link ReciprocalRank} it counts every hit, not only the first.
 */
public final class HitReciprocalRank implements Metric.PerUser {
  @Override
  public String description() {
    return "mean of 1 / rank over all targets in the top K (IR-Benchmark's MRR), else 0";
  }

  @Override
  public double value(RankedUser user, int k) {
    double sum = 0;
    int hits = 0;
    for (int r = 1; r <= k; r++) {
      if (user.relevance(r) > 0) {
        sum += 1.0 / r;
        hits++;
      }
    }
    return hits == 0 ? 0 : sum / hits;
  }
}
