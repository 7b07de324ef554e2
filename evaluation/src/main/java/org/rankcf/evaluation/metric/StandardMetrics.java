package org.rankcf.evaluation.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.spi.Metric;

/** The metrics rankcf ships, by short name, and the ones a run reports when its config names none. */
public final class StandardMetrics {
  /** Every shipped metric, in report order. */
  public static final Map<String, Metric> ALL;
  /** What a run reports by default, in this order at each K (coverage and arp are opt-in). */
  public static final List<String> REPORTED = List.of("recall", "ndcg", "precision", "hit", "mrr", "micro_recall");
  /** The test metrics a sweep aggregates and compares between arms. */
  public static final List<String> HEADLINE = List.of("ndcg@20", "recall@20");

  static {
    Map<String, Metric> all = new LinkedHashMap<>();
    all.put("recall", new Recall());
    all.put("ndcg", new Ndcg());
    all.put("precision", new Precision());
    all.put("hit", new HitRate());
    all.put("mrr", new ReciprocalRank());
    all.put("micro_recall", new MicroRecall(true));
    all.put("coverage", new Coverage());
    all.put("arp", new AverageRecommendationPopularity());
    // IR-Benchmark's variants (LOSSES.md §P8); its recall is rankcf's uncapped recall
    all.put("mrr_hits", new HitReciprocalRank());
    all.put("hit_ratio", new MicroRecall(false));
    all.put("f1", new F1());
    ALL = Collections.unmodifiableMap(all);
  }

  private StandardMetrics() {}

  /** The default report's metrics, in order. */
  public static Map<String, Metric> reported() {
    Map<String, Metric> reported = new LinkedHashMap<>();
    REPORTED.forEach(name -> reported.put(name, ALL.get(name)));
    return reported;
  }
}
