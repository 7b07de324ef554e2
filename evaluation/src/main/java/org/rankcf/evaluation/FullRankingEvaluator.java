package org.rankcf.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.kernels.FullRanker;
import org.rankcf.framework.kernels.ItemMask;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.kernels.TileScorer;
import org.rankcf.framework.kernels.TopKLists;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Full-ranking evaluation over all items: ranks every user with at least one target once, at the
 * largest K, with the fused {@link FullRanker} (masked items excluded, ties to the lower item id), then
 * scores the lists at every K. Per-user values are computed in parallel and averaged in user order, so
 * results do not depend on the thread count.
 */
public final class FullRankingEvaluator {
  private static final List<RankingMetric> METRICS =
      List.of(new Recall(), new Ndcg(), new Precision(), new HitRate(), new ReciprocalRank());

  private final int[] ks;
  private final int maxK;
  private final Discount discount;
  private final Parallel parallel;
  private final FullRanker ranker;

  /** An evaluator at the cut-offs {@code ks} on the active kernel path. */
  public FullRankingEvaluator(List<Integer> ks, Parallel parallel) {
    this(ks, parallel, Kernels.path().tileScorer());
  }

  public FullRankingEvaluator(List<Integer> ks, Parallel parallel, TileScorer scorer) {
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("at least one cut-off K is needed");
    }
    this.ks = ks.stream().mapToInt(Integer::intValue).distinct().toArray();
    for (int k : this.ks) {
      if (k < 1) {
        throw new IllegalArgumentException("cut-off K must be >= 1 (got " + k + ")");
      }
    }
    this.maxK = java.util.Arrays.stream(this.ks).max().orElseThrow();
    this.discount = new Discount(maxK);
    this.parallel = parallel;
    this.ranker = new FullRanker(scorer, parallel);
  }

  /**
   * VALIDATION: the split's selection pairs (validation, or test when there is none) with train masked;
   * TEST: test pairs with train and validation masked.
   */
  public EvaluationResult evaluate(EmbeddingTable users, EmbeddingTable items, SplitData split, Stage stage) {
    return switch (stage) {
      case VALIDATION -> evaluate(users, items, split.selection(), split.train());
      case TEST -> evaluate(users, items, split.test(), split.train(), split.validation());
    };
  }

  /** Evaluates the tables against {@code targets}, never ranking an item of any mask. */
  public EvaluationResult evaluate(EmbeddingTable users, EmbeddingTable items, Interactions targets,
      Interactions... masks) {
    long start = System.nanoTime();
    checkShapes(users, items, targets, masks);
    int[] evaluated = usersWithTargets(targets);
    ItemMask[] itemMasks = new ItemMask[masks.length];
    for (int m = 0; m < masks.length; m++) {
      itemMasks[m] = new ItemMask(masks[m].userPtr(), masks[m].userItems());
    }
    TopKLists lists = ranker.rank(users, items, evaluated, maxK, itemMasks);

    int n = evaluated.length;
    double[][] values = new double[ks.length * METRICS.size()][n];
    int[][] hits = new int[ks.length][n];
    int[] ptr = targets.userPtr();
    parallel.forRange(n, (chunk, from, to) -> {
      RankedHits ranked = new RankedHits(maxK, discount);
      for (int p = from; p < to; p++) {
        int user = evaluated[p];
        ranked.assign(lists, p, targets.userItems(), ptr[user], ptr[user + 1]);
        for (int c = 0; c < ks.length; c++) {
          hits[c][p] = ranked.hits(ks[c]);
          for (int m = 0; m < METRICS.size(); m++) {
            values[c * METRICS.size() + m][p] = METRICS.get(m).value(ranked, ks[c]);
          }
        }
      }
    });

    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, float[]> perUser = new LinkedHashMap<>();
    for (int c = 0; c < ks.length; c++) {
      for (int m = 0; m < METRICS.size(); m++) {
        String key = METRICS.get(m).name() + "@" + ks[c];
        double[] v = values[c * METRICS.size() + m];
        metrics.put(key, mean(v));
        perUser.put(key, toFloats(v));
      }
      metrics.put("micro_recall@" + ks[c], microRecall(hits[c], evaluated, targets, ks[c]));
    }
    return new EvaluationResult(evaluated, metrics, perUser, (System.nanoTime() - start) / 1e9);
  }

  /** The paper code's pooled recall: sum of hits over sum of min(K, |T_u|). */
  private static double microRecall(int[] hits, int[] evaluated, Interactions targets, int k) {
    long found = 0;
    long possible = 0;
    for (int p = 0; p < evaluated.length; p++) {
      found += hits[p];
      possible += Math.min(k, targets.userDegree(evaluated[p]));
    }
    return possible == 0 ? Double.NaN : (double) found / possible;
  }

  private static int[] usersWithTargets(Interactions targets) {
    int[] users = new int[targets.activeUsers()];
    int n = 0;
    for (int u = 0; u < targets.numUsers(); u++) {
      if (targets.userDegree(u) > 0) {
        users[n++] = u;
      }
    }
    return users;
  }

  private static void checkShapes(EmbeddingTable users, EmbeddingTable items, Interactions targets,
      Interactions[] masks) {
    for (Interactions pairs : concat(targets, masks)) {
      if (pairs.numUsers() != users.rows() || pairs.numItems() != items.rows()) {
        throw new IllegalArgumentException("pairs over " + pairs.numUsers() + " x " + pairs.numItems()
            + " do not match tables of " + users.rows() + " users x " + items.rows() + " items");
      }
    }
  }

  private static Interactions[] concat(Interactions first, Interactions[] rest) {
    Interactions[] all = new Interactions[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
