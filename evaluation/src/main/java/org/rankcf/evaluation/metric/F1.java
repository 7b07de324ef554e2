package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/**
 * F1@K per user: the harmonic mean of precision@K (hits / K) and recall@K (hits / |T_u|), which is
 * 2 hits / (K + |T_u|); 0 without hits.
 */
public final class F1 implements Metric.PerUser {
  @Override
  public String description() {
    return "per-user harmonic mean of precision and recall: 2 hits / (K + targets)";
  }

  @Override
  public double value(RankedUser user, int k) {
    return 2.0 * user.hits(k) / (k + user.targets());
  }
}
