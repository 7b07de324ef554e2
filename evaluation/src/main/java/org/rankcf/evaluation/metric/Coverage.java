package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/** Catalogue coverage@K: the share of all items that appear in at least one user's top K. */
public final class Coverage implements Metric.OverUsers {
  @Override
  public String description() {
    return "share of the catalogue recommended in some user's top K";
  }

  @Override
  public Metric.Tally tally(int k, int numItems) {
    return new Metric.Tally() {
      private final boolean[] seen = new boolean[numItems];
      private int distinct;
      private boolean any;

      @Override
      public void add(RankedUser user) {
        any = true;
        for (int r = 1; r <= k; r++) {
          int item = user.item(r);
          if (item >= 0 && !seen[item]) {
            seen[item] = true;
            distinct++;
          }
        }
      }

      @Override
      public double result() {
        return any ? (double) distinct / numItems : Double.NaN;
      }
    };
  }
}
