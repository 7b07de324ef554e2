package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/**
 * IR-Benchmark's HitRatio@K (LOSSES.md §P8): hits over targets pooled across users, sum |H_u| / sum |T_u|.
 * Unlike {@link MicroRecall} the denominator is not capped at K per user.
 */
public final class HitRatio implements Metric.OverUsers {
  @Override
  public String description() {
    return "pooled uncapped recall: sum of hits / sum of targets over users (IR-Benchmark's HitRatio)";
  }

  @Override
  public Metric.Tally tally(int k, int numItems) {
    return new Metric.Tally() {
      private long found;
      private long targets;

      @Override
      public void add(RankedUser user) {
        found += user.hits(k);
        targets += user.targets();
      }

      @Override
      public double result() {
        return targets == 0 ? Double.NaN : (double) found / targets;
      }
    };
  }
}
