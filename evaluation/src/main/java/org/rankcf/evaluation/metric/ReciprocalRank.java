package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/** MRR@K: 1 / rank of the first relevant item within the top K, else 0. */
public final class ReciprocalRank implements Metric.PerUser {
  @Override
  public String description() {
    return "1 / rank of the first target in the top K, else 0";
  }

  @Override
  public double value(RankedUser user, int k) {
    for (int r = 1; r <= k; r++) {
      if (user.relevance(r) > 0) {
        return 1.0 / r;
      }
    }
    return 0;
  }
}
