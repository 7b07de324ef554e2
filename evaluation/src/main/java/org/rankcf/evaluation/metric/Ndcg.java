package org.rankcf.evaluation.metric;

import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.RankedUser;

/**
 * NDCG@K = DCG / IDCG with DCG = sum_{r <= K} rel_r / log2(r + 1) and IDCG the DCG of the targets sorted
 * by grade over min(K, |T_u|) ranks; with binary relevance rel_r is 0 or 1.
 */
public final class Ndcg implements Metric.PerUser {
  @Override
  public String description() {
    return "normalised discounted cumulative gain over the targets' grades (1 without grades)";
  }

  @Override
  public double value(RankedUser user, int k) {
    double dcg = 0;
    for (int r = 1; r <= k; r++) {
      dcg += user.relevance(r) * user.discount(r);
    }
    return dcg / user.idealDcg(k);
  }
}
