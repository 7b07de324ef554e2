package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/** Precision@K = hits in the top K / K. */
public final class Precision implements Metric.PerUser {
  @Override
  public String description() {
    return "hits in the top K / K";
  }

  @Override
  public double value(RankedUser user, int k) {
    return (double) user.hits(k) / k;
  }
}
