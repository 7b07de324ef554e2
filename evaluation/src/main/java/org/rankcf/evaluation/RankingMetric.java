package org.rankcf.evaluation;

/** A per-user ranking quality at cut-off K; reported as its mean over users with at least one target. */
public interface RankingMetric {
  /** Key prefix, e.g. "recall" (reported as "recall@20"). */
  String name();

  /** The value for one user's ranked list cut at k (k at most the ranked length). */
  double value(RankedHits hits, int k);
}
