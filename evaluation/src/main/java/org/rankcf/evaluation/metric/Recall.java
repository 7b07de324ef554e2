package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/** Recall@K = hits in the top K / |T_u|. */
public final class Recall implements Metric.PerUser {
  @Override
  public String description() {
    return "hits in the top K / number of targets";
  }

  @Override
  public double value(RankedUser user, int k) {
    return (double) user.hits(k) / user.targets();
  }
}
