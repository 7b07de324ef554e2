package org.rankcf.evaluation;

/** Precision@K = hits in the top K / K. */
public final class Precision implements RankingMetric {
  @Override
  public String name() {
    return "precision";
  }

  @Override
  public double value(RankedHits hits, int k) {
    return (double) hits.hits(k) / k;
  }
}
