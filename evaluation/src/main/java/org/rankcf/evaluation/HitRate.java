package org.rankcf.evaluation;

/** HitRate@K = 1 when some target is in the top K, else 0. */
public final class HitRate implements RankingMetric {
  @Override
  public String name() {
    return "hit";
  }

  @Override
  public double value(RankedHits hits, int k) {
    return hits.hits(k) > 0 ? 1 : 0;
  }
}
