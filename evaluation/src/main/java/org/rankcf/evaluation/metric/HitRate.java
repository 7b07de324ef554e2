package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/** HitRate@K = 1 when some target is in the top K, else 0. */
public final class HitRate implements Metric.PerUser {
  @Override
  public String description() {
    return "1 when a target is in the top K, else 0";
  }

  @Override
  public double value(RankedUser user, int k) {
    return user.hits(k) > 0 ? 1 : 0;
  }
}
