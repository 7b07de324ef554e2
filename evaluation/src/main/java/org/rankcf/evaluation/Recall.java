package org.rankcf.evaluation;

/** Recall@K = hits in the top K / |T_u|. */
public final class Recall implements RankingMetric {
  @Override
  public String name() {
    return "recall";
  }

  @Override
  public double value(RankedHits hits, int k) {
    return (double) hits.hits(k) / hits.targets();
  }
}
