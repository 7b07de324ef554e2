package org.rankcf.evaluation.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rankcf.evaluation.EvaluationResult;
import org.rankcf.evaluation.FullRankingEvaluator;
import org.rankcf.evaluation.MetricKey;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Hand-computed coverage, ARP and graded NDCG on the fixture of MetricFixturesTest: items valued 0.5, 0.9,
 * 0.1, 0.7, 0.3, 0.8 rank i1, i5, i3, i0, i4, i2 for every user (d = 1, user embeddings 1).
 * Top 3: user 0 i1 i5 i3; user 1 (i1 masked) i5 i3 i0; user 2 has no targets; user 3 i1 i5 i3.
 */
class BeyondAccuracyFixturesTest {
  private static final double EPS = 1e-12;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);
  private static final EmbeddingTable ITEMS = column(0.5f, 0.9f, 0.1f, 0.7f, 0.3f, 0.8f);
  private static final EmbeddingTable USERS = column(1, 1, 1, 1);
  /** Targets: user 0 {4, 5}, user 1 {2}, user 3 {0, 1, 3, 5}. */
  private static final Interactions TARGETS =
      Interactions.fromPairs(4, 6, new int[] {0, 0, 1, 3, 3, 3, 3}, new int[] {4, 5, 2, 0, 1, 3, 5});
  private static final Interactions MASK = Interactions.fromPairs(4, 6, new int[] {1}, new int[] {1});
  /** Train degrees: i0 1, i1 3, i2 0, i3 2, i4 0, i5 1. */
  private static final Interactions TRAIN = Interactions.fromPairs(4, 6,
      new int[] {0, 1, 2, 0, 1, 3, 2}, new int[] {1, 1, 1, 3, 3, 0, 5});

  @Test
  void coverageCountsDistinctItemsOverAllTopLists() {
    EvaluationResult result = evaluate(null, "coverage@1", "coverage@3");
    // top 1: i1, i5, i1 -> {1, 5}; top 3 adds i3 and i0 -> {0, 1, 3, 5}
    assertThat(result.metric("coverage@1")).isCloseTo(2.0 / 6, within(EPS));
    assertThat(result.metric("coverage@3")).isCloseTo(4.0 / 6, within(EPS));
    assertThatThrownBy(() -> result.perUser("coverage@3")).hasMessageContaining("no per-user values");
  }

  @Test
  void arpAveragesTheTrainDegreeOfEachUsersTopItems() {
    EvaluationResult result = evaluate(null, "arp@3", "arp@1");
    // user 0 (3 + 1 + 2) / 3, user 1 (1 + 2 + 1) / 3, user 3 (3 + 1 + 2) / 3
    assertThat(result.perUser("arp@3")).containsExactly(2f, 4f / 3, 2f);
    assertThat(result.metric("arp@3")).isCloseTo((2 + 4.0 / 3 + 2) / 3, within(EPS));
    // top 1: i1 (3), i5 (1), i1 (3)
    assertThat(result.metric("arp@1")).isCloseTo(7.0 / 3, within(EPS));
  }

  @Test
  void gradedNdcgSortsTheIdealListByGrade() {
    // grades aligned with the sorted targets: user 0 i4 1, i5 3; user 1 i2 2; user 3 i0 1, i1 2, i3 1, i5 4
    float[] grades = {1, 3, 2, 1, 2, 1, 4};
    EvaluationResult result = evaluate(grades, "ndcg@3", "recall@3");
    double user0 = (3 / LOG2_3) / (3 + 1 / LOG2_3);
    double user3 = (2 + 4 / LOG2_3 + 1 / 2.0) / (4 + 2 / LOG2_3 + 1 / 2.0);
    assertThat(result.metric("ndcg@3")).isCloseTo((user0 + 0 + user3) / 3, within(EPS));
    // grades change gains, not what counts as a hit
    assertThat(result.metric("recall@3")).isCloseTo((0.5 + 0 + 0.75) / 3, within(EPS));
  }

  @Test
  void allGradesOneGiveTheBinaryValuesBitForBit() {
    float[] ones = {1, 1, 1, 1, 1, 1, 1};
    EvaluationResult graded = evaluate(ones, "ndcg@3", "ndcg@5", "mrr@5");
    EvaluationResult binary = evaluate(null, "ndcg@3", "ndcg@5", "mrr@5");
    assertThat(graded.metrics()).isEqualTo(binary.metrics());
  }

  @Test
  void aColumnSubsetEqualsTheSameColumnsOfTheFullEvaluation() {
    EvaluationResult full = new FullRankingEvaluator(List.of(3, 5), Parallel.serial()).evaluate(USERS, ITEMS, TARGETS, MASK);
    EvaluationResult subset = evaluate(null, "ndcg@3");
    assertThat(subset.metrics()).containsOnlyKeys("ndcg@3");
    assertThat(subset.metric("ndcg@3")).isEqualTo(full.metric("ndcg@3"));
  }

  @Test
  void overUsersMetricsAreNaNWithoutUsersAndKeysMustNameAMetricAndACutoff() {
    EvaluationResult none = new FullRankingEvaluator(
        FullRankingEvaluator.columns(List.of("coverage@2"), StandardMetrics.ALL), Kernels.path().tileScorer(),
        Parallel.serial()).evaluate(column(1), column(1, 2), Interactions.empty(1, 2));
    assertThat(none.metric("coverage@2")).isNaN();
    assertThatThrownBy(() -> MetricKey.parse("ndcg")).hasMessageContaining("name@K");
    assertThatThrownBy(() -> MetricKey.parse("ndcg@0")).hasMessageContaining(">= 1");
    assertThatThrownBy(() -> FullRankingEvaluator.columns(List.of("dcg@5"), StandardMetrics.ALL))
        .hasMessageContaining("unknown metric 'dcg'");
  }

  private static EvaluationResult evaluate(float[] grades, String... keys) {
    FullRankingEvaluator evaluator = new FullRankingEvaluator(
        FullRankingEvaluator.columns(List.of(keys), StandardMetrics.ALL), Kernels.path().tileScorer(), Parallel.serial());
    return evaluator.evaluateGraded(USERS, ITEMS, TARGETS, grades, TRAIN, MASK);
  }

  private static EmbeddingTable column(float... values) {
    return new EmbeddingTable(values.length, 1, values);
  }
}
