package org.rankcf.evaluation;

/** MRR@K: 1 / rank of the first relevant item within the top K, else 0. */
public final class ReciprocalRank implements RankingMetric {
  @Override
  public String name() {
    return "mrr";
  }

  @Override
  public double value(RankedHits hits, int k) {
    for (int r = 1; r <= k; r++) {
      if (hits.relevance(r) > 0) {
        return 1.0 / r;
      }
    }
    return 0;
  }
}
