package org.rankcf.experiments.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/**
 * The worked example of docs/extending/metrics.md, a metric from outside the evaluation module: the share
 * of a user's top K that are long-tail items, those with at most {@code maxDegree} train interactions.
 */
public final class LongTailShare implements Metric.PerUser {
  private final int maxDegree;

  public LongTailShare(int maxDegree) {
    this.maxDegree = maxDegree;
  }

  @Override
  public String description() {
    return "share of the top K with at most " + maxDegree + " train interactions";
  }

  @Override
  public double value(RankedUser user, int k) {
    int tail = 0;
    for (int r = 1; r <= k; r++) {
      int item = user.item(r);
      if (item >= 0 && user.popularity(item) <= maxDegree) {
        tail++;
      }
    }
    return (double) tail / k;
  }
}
