package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/**
 * Recall pooled over all users: the sum of hits over the sum of the users' targets. The paper code's pooled
 * recall ({@code micro_recall}) caps each user's targets at K, min(K, |T_u|); IR-Benchmark's HitRatio@K
 * ({@code hit_ratio}, LOSSES.md §P8) does not.
 */
public final class MicroRecall implements Metric.OverUsers {
  private final boolean capAtK;

  /** @param capAtK count min(K, |T_u|) targets per user rather than |T_u| */
  public MicroRecall(boolean capAtK) {
    this.capAtK = capAtK;
  }

  @Override
  public String description() {
    return capAtK ? "pooled recall: sum of hits / sum of min(K, targets) over users"
        : "pooled uncapped recall: sum of hits / sum of targets over users (IR-Benchmark's HitRatio)";
  }

  @Override
  public Metric.Tally tally(int k, int numItems) {
    return new Metric.Tally() {
      private long found;
      private long possible;

      @Override
      public void add(RankedUser user) {
        found += user.hits(k);
        possible += capAtK ? Math.min(k, user.targets()) : user.targets();
      }

      @Override
      public double result() {
        return possible == 0 ? Double.NaN : (double) found / possible;
      }
    };
  }
}
