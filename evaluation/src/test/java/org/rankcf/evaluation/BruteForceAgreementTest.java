package org.rankcf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.BruteForceRanking;
import org.rankcf.framework.kernels.ItemMask;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.Parallel;

/** The blocked, fused evaluator against plain loops over fully sorted rankings, on random data. */
class BruteForceAgreementTest {
  private static final List<Integer> KS = List.of(1, 5, 20);

  @ParameterizedTest
  @CsvSource({
      // users, items, dim
      "40, 1, 1",
      "50, 13, 3",
      "70, 37, 64",
      "130, 257, 3",
      "65, 300, 64",
      "25, 1700, 64",
  })
  void metricsMatchPlainLoops(int numUsers, int numItems, int dim) {
    SplittableRandom random = new SplittableRandom(numUsers * 31L + numItems);
    EmbeddingTable users = TestBatches.table(numUsers, dim, 1.0, random);
    EmbeddingTable items = TestBatches.table(numItems, dim, 1.0, random);
    Interactions train = randomPairs(numUsers, numItems, 0.15, random);
    Interactions validation = randomPairs(numUsers, numItems, 0.05, random);
    Interactions test = randomPairs(numUsers, numItems, 0.1, random);
    Map<String, Double> expected = bruteForce(users, items, test, train, validation);
    try (Parallel two = new Parallel(2)) {
      EvaluationResult result = new FullRankingEvaluator(KS, two).evaluate(users, items, test, train, validation);
      assertThat(result.usersEvaluated()).isEqualTo(test.activeUsers());
      for (Map.Entry<String, Double> entry : expected.entrySet()) {
        assertThat(result.metric(entry.getKey())).as(entry.getKey()).isCloseTo(entry.getValue(), within(1e-12));
      }
    }
  }

  @Test
  void vectorAndScalarPathsAndThreadCountsGiveIdenticalResults() {
    SplittableRandom random = new SplittableRandom(5);
    EmbeddingTable users = TestBatches.table(150, 64, 1.0, random);
    EmbeddingTable items = TestBatches.table(333, 64, 1.0, random);
    Interactions train = randomPairs(150, 333, 0.1, random);
    Interactions test = randomPairs(150, 333, 0.05, random);
    EvaluationResult scalar = new FullRankingEvaluator(KS, Parallel.serial(), Kernels.scalar().tileScorer())
        .evaluate(users, items, test, train);
    try (Parallel two = new Parallel(2)) {
      EvaluationResult vector = new FullRankingEvaluator(KS, two, Kernels.vector().tileScorer())
          .evaluate(users, items, test, train);
      assertThat(vector.metrics()).isEqualTo(scalar.metrics());
      assertThat(vector.users()).containsExactly(scalar.users());
      for (String key : List.of("recall@20", "ndcg@5", "precision@1", "hit@20", "mrr@20")) {
        assertThat(vector.perUser(key)).containsExactly(scalar.perUser(key));
      }
    }
  }

  /** Every metric from the brute-force rankings, by the textbook formulas. */
  private static Map<String, Double> bruteForce(EmbeddingTable users, EmbeddingTable items, Interactions targets,
      Interactions... masks) {
    ItemMask[] itemMasks = new ItemMask[masks.length];
    for (int m = 0; m < masks.length; m++) {
      itemMasks[m] = new ItemMask(masks[m].userPtr(), masks[m].userItems());
    }
    int[] evaluated = java.util.stream.IntStream.range(0, targets.numUsers())
        .filter(u -> targets.userDegree(u) > 0).toArray();
    int[][] ranked = BruteForceRanking.topK(users, items, evaluated, items.rows(), itemMasks);
    Map<String, Double> metrics = new java.util.HashMap<>();
    for (int k : KS) {
      double recall = 0;
      double precision = 0;
      double hit = 0;
      double mrr = 0;
      double ndcg = 0;
      long hitsTotal = 0;
      long possible = 0;
      for (int p = 0; p < evaluated.length; p++) {
        int user = evaluated[p];
        int size = targets.userDegree(user);
        int hits = 0;
        double dcg = 0;
        double firstHit = 0;
        for (int r = 0; r < Math.min(k, ranked[p].length); r++) {
          if (targets.contains(user, ranked[p][r])) {
            hits++;
            dcg += 1 / log2(r + 2);
            if (firstHit == 0) {
              firstHit = 1.0 / (r + 1);
            }
          }
        }
        double idcg = 0;
        for (int r = 0; r < Math.min(k, size); r++) {
          idcg += 1 / log2(r + 2);
        }
        recall += (double) hits / size;
        precision += (double) hits / k;
        hit += hits > 0 ? 1 : 0;
        mrr += firstHit;
        ndcg += dcg / idcg;
        hitsTotal += hits;
        possible += Math.min(k, size);
      }
      int n = evaluated.length;
      metrics.put("recall@" + k, recall / n);
      metrics.put("precision@" + k, precision / n);
      metrics.put("hit@" + k, hit / n);
      metrics.put("mrr@" + k, mrr / n);
      metrics.put("ndcg@" + k, ndcg / n);
      metrics.put("micro_recall@" + k, (double) hitsTotal / possible);
    }
    return metrics;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static Interactions randomPairs(int numUsers, int numItems, double rate, SplittableRandom random) {
    int[] users = new int[numUsers * numItems];
    int[] items = new int[numUsers * numItems];
    int n = 0;
    for (int u = 0; u < numUsers; u++) {
      for (int i = 0; i < numItems; i++) {
        if (random.nextDouble() < rate) {
          users[n] = u;
          items[n++] = i;
        }
      }
    }
    return Interactions.fromPairs(numUsers, numItems, users, items, n);
  }
}
