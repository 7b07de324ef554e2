package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/**
 * ARP@K, a popularity bias: the mean train degree of the items in a user's top K (padding skipped; 0 when
 * nothing was rankable). Higher means the model leans on popular items.
 */
public final class AverageRecommendationPopularity implements Metric.PerUser {
  @Override
  public String description() {
    return "popularity bias: mean train degree of the top K items";
  }

  @Override
  public double value(RankedUser user, int k) {
    long sum = 0;
    int count = 0;
    for (int r = 1; r <= k; r++) {
      int item = user.item(r);
      if (item >= 0) {
        sum += user.popularity(item);
        count++;
      }
    }
    return count == 0 ? 0 : (double) sum / count;
  }
}
