package org.rankcf.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one full-ranking evaluation: each metric column keyed "name@K" (by default "recall@20",
 * "ndcg@20", "precision@20", "hit@20", "mrr@20" and the pooled "micro_recall@20"); per-user metrics are
 * averaged over the evaluated users (those with at least one target) and their per-user values, aligned
 * with {@link #users()}, are kept for significance tests; plus the time taken. With no evaluated user
 * every metric is NaN.
 */
public final class EvaluationResult {
  private final int[] users;
  private final Map<String, Double> metrics;
  private final Map<String, float[]> perUser;
  private final double seconds;

  EvaluationResult(int[] users, Map<String, Double> metrics, Map<String, float[]> perUser, double seconds) {
    this.users = users;
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.perUser = new LinkedHashMap<>(perUser);
    this.seconds = seconds;
  }

  /** Every metric by key, in the evaluator's column order (by default by K, then the metrics' order). */
  public Map<String, Double> metrics() {
    return metrics;
  }

  /** One metric by key, e.g. "ndcg@20". */
  public double metric(String key) {
    Double value = metrics.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no metric '" + key + "'; known: " + metrics.keySet());
    }
    return value;
  }

  /** Number of users averaged over. */
  public int usersEvaluated() {
    return users.length;
  }

  /** The evaluated user ids, increasing (a copy). */
  public int[] users() {
    return users.clone();
  }

  /** The per-user values of a per-user metric, aligned with {@link #users()} (a copy). */
  public float[] perUser(String key) {
    float[] values = perUser.get(key);
    if (values == null) {
      throw new IllegalArgumentException("no per-user values for '" + key + "'; known: " + perUser.keySet());
    }
    return values.clone();
  }

  /** Wall-clock seconds of the evaluation (ranking and metrics). */
  public double seconds() {
    return seconds;
  }

  @Override
  public String toString() {
    return "EvaluationResult[" + users.length + " users, " + metrics + "]";
  }
}
