package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/** The paper code's pooled recall: the sum of hits over the sum of min(K, |T_u|) over all users. */
public final class MicroRecall implements Metric.OverUsers {
  @Override
  public String description() {
    return "pooled recall: sum of hits / sum of min(K, targets) over users";
  }

  @Override
  public Metric.Tally tally(int k, int numItems) {
    return new Metric.Tally() {
      private long found;
      private long possible;

      @Override
      public void add(RankedUser user) {
        found += user.hits(k);
        possible += Math.min(k, user.targets());
      }

      @Override
      public double result() {
        return possible == 0 ? Double.NaN : (double) found / possible;
      }
    };
  }
}
