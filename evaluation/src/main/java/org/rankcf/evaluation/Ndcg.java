package org.rankcf.evaluation;

/** NDCG@K = DCG / IDCG, DCG = sum_{r <= K} rel_r / log2(r + 1), IDCG over min(K, |T_u|) relevant items. */
public final class Ndcg implements RankingMetric {
  @Override
  public String name() {
    return "ndcg";
  }

  @Override
  public double value(RankedHits hits, int k) {
    Discount discount = hits.discount();
    double dcg = 0;
    for (int r = 1; r <= k; r++) {
      dcg += hits.relevance(r) * discount.at(r);
    }
    return dcg / discount.ideal(Math.min(k, hits.targets()));
  }
}
