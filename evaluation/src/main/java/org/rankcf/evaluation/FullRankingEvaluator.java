package org.rankcf.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.evaluation.metric.StandardMetrics;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.kernels.FullRanker;
import org.rankcf.framework.kernels.ItemMask;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.kernels.TileScorer;
import org.rankcf.framework.kernels.TopKLists;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.util.Parallel;

/**
 * Full-ranking evaluation over all items: ranks every user with at least one target once, at the
 * largest K asked for, with the fused {@link FullRanker} (masked items excluded, ties to the lower item
 * id), then computes each requested metric column ("name@K"). Per-user metrics are computed in parallel
 * and averaged in user order, over-users metrics tally the users in order on one thread, so results do
 * not depend on the thread count.
 */
public final class FullRankingEvaluator {
  private final List<Column> columns;
  private final int maxK;
  private final Discount discount;
  private final Parallel parallel;
  private final FullRanker ranker;

  /** One reported value: a metric at a cut-off. */
  public record Column(MetricKey key, Metric metric) {}

  /** An evaluator of the default metrics at the cut-offs {@code ks} on the active kernel path. */
  public FullRankingEvaluator(List<Integer> ks, Parallel parallel) {
    this(ks, parallel, Kernels.path().tileScorer());
  }

  public FullRankingEvaluator(List<Integer> ks, Parallel parallel, TileScorer scorer) {
    this(crossProduct(ks, StandardMetrics.reported()), scorer, parallel);
  }

  /** An evaluator of exactly {@code columns}, in that order, on the given kernel path. */
  public FullRankingEvaluator(List<Column> columns, TileScorer scorer, Parallel parallel) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("at least one metric column is needed");
    }
    this.columns = List.copyOf(columns);
    this.maxK = columns.stream().mapToInt(c -> c.key().k()).max().orElseThrow();
    this.discount = new Discount(maxK);
    this.parallel = parallel;
    this.ranker = new FullRanker(scorer, parallel);
  }

  /** Every metric at every cut-off: by K (distinct, in the given order), then in the metrics' order. */
  public static List<Column> crossProduct(List<Integer> ks, Map<String, Metric> metrics) {
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("at least one cut-off K is needed");
    }
    List<Column> columns = new ArrayList<>();
    for (int k : ks.stream().mapToInt(Integer::intValue).distinct().toArray()) {
      metrics.forEach((name, metric) -> columns.add(new Column(new MetricKey(name, k), metric)));
    }
    return columns;
  }

  /** The columns of the given keys, each metric looked up by name in {@code metrics}. */
  public static List<Column> columns(List<String> keys, Map<String, Metric> metrics) {
    List<Column> columns = new ArrayList<>();
    for (String text : keys) {
      MetricKey key = MetricKey.parse(text);
      Metric metric = metrics.get(key.name());
      if (metric == null) {
        throw new IllegalArgumentException("unknown metric '" + key.name() + "'; known: " + metrics.keySet());
      }
      columns.add(new Column(key, metric));
    }
    return columns;
  }

  /**
   * VALIDATION: the split's selection pairs (validation, or test when there is none) with train masked;
   * TEST: test pairs with train and validation masked; TEST_TRAIN_MASKED: test pairs with train masked.
   * Popularity is the train degree.
   */
  public EvaluationResult evaluate(EmbeddingTable users, EmbeddingTable items, SplitData split, Stage stage) {
    return switch (stage) {
      case VALIDATION -> evaluateGraded(users, items, split.selection(), null, split.train(), split.train());
      case TEST -> evaluateGraded(users, items, split.test(), null, split.train(), split.train(), split.validation());
      case TEST_TRAIN_MASKED -> evaluateGraded(users, items, split.test(), null, split.train(), split.train());
    };
  }

  /**
   * Evaluates the tables against {@code targets} with binary relevance, never ranking an item of any mask;
   * the first mask's item degrees are the popularity (none without a mask).
   */
  public EvaluationResult evaluate(EmbeddingTable users, EmbeddingTable items, Interactions targets,
      Interactions... masks) {
    Interactions popularity = masks.length > 0 ? masks[0] : Interactions.empty(targets.numUsers(), targets.numItems());
    return evaluateGraded(users, items, targets, null, popularity, masks);
  }

  /**
   * Evaluates against {@code targets} graded by {@code grades} (aligned with {@code targets.userItems()};
   * null for binary relevance), with item popularity the item degrees of {@code popularity}.
   */
  public EvaluationResult evaluateGraded(EmbeddingTable users, EmbeddingTable items, Interactions targets, float[] grades,
      Interactions popularity, Interactions... masks) {
    long start = System.nanoTime();
    checkShapes(users, items, targets, popularity, masks);
    if (grades != null && grades.length != targets.size()) {
      throw new IllegalArgumentException(grades.length + " grades for " + targets.size() + " target pairs");
    }
    int[] evaluated = usersWithTargets(targets);
    ItemMask[] itemMasks = new ItemMask[masks.length];
    for (int m = 0; m < masks.length; m++) {
      itemMasks[m] = new ItemMask(masks[m].userPtr(), masks[m].userItems());
    }
    TopKLists lists = ranker.rank(users, items, evaluated, maxK, itemMasks);

    int n = evaluated.length;
    int[] ptr = targets.userPtr();
    double[][] values = new double[columns.size()][];
    List<Integer> perUserColumns = new ArrayList<>();
    List<Metric.Tally> tallies = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).metric() instanceof Metric.OverUsers overUsers) {
        tallies.add(overUsers.tally(columns.get(c).key().k(), items.rows()));
      } else {
        values[c] = new double[n];
        perUserColumns.add(c);
        tallies.add(null);
      }
    }
    parallel.forRange(n, (chunk, from, to) -> {
      UserRanking ranked = new UserRanking(maxK, discount, popularity);
      for (int p = from; p < to; p++) {
        int user = evaluated[p];
        ranked.assign(lists, p, targets.userItems(), ptr[user], ptr[user + 1], grades);
        for (int c : perUserColumns) {
          values[c][p] = ((Metric.PerUser) columns.get(c).metric()).value(ranked, columns.get(c).key().k());
        }
      }
    });
    if (perUserColumns.size() < columns.size()) {
      UserRanking ranked = new UserRanking(maxK, discount, popularity);
      for (int p = 0; p < n; p++) {
        int user = evaluated[p];
        ranked.assign(lists, p, targets.userItems(), ptr[user], ptr[user + 1], grades);
        for (Metric.Tally tally : tallies) {
          if (tally != null) {
            tally.add(ranked);
          }
        }
      }
    }

    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, float[]> perUser = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      String key = columns.get(c).key().toString();
      if (values[c] != null) {
        metrics.put(key, mean(values[c]));
        perUser.put(key, toFloats(values[c]));
      } else {
        metrics.put(key, n == 0 ? Double.NaN : tallies.get(c).result());
      }
    }
    return new EvaluationResult(evaluated, metrics, perUser, (System.nanoTime() - start) / 1e9);
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
      Interactions popularity, Interactions[] masks) {
    List<Interactions> all = new ArrayList<>(Arrays.asList(masks));
    all.add(targets);
    all.add(popularity);
    for (Interactions pairs : all) {
      if (pairs.numUsers() != users.rows() || pairs.numItems() != items.rows()) {
        throw new IllegalArgumentException("pairs over " + pairs.numUsers() + " x " + pairs.numItems()
            + " do not match tables of " + users.rows() + " users x " + items.rows() + " items");
      }
    }
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
