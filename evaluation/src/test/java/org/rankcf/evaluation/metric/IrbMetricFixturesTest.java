package org.rankcf.evaluation.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rankcf.evaluation.EvaluationResult;
import org.rankcf.evaluation.FullRankingEvaluator;
import org.rankcf.evaluation.Stage;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * IR-Benchmark's metric variants and test masking (LOSSES.md §P7-P8) by hand. With d = 1 and every user
 * embedding 1, a user's ranking is the items by value, largest first.
 */
class IrbMetricFixturesTest {
  private static final double EPS = 1e-12;

  /*
   * Items 0..5 valued 0.5, 0.9, 0.1, 0.7, 0.3, 0.8: the order is i1, i5, i3, i0, i4, i2.
   * user 0: targets {4, 5}            -> i1 i5* i3 | i0 i4* i2      (K = 3: one hit, at rank 2)
   * user 1: targets {1, 3, 0, 2}      -> i1* i5 i3* | i0* i4 i2*    (K = 3: hits at ranks 1 and 3)
   * user 2: target {2}                -> no hit in the top 3
   */
  private static final EmbeddingTable ITEMS = column(0.5f, 0.9f, 0.1f, 0.7f, 0.3f, 0.8f);
  private static final EmbeddingTable USERS = column(1, 1, 1);
  private static final Interactions TARGETS = Interactions.fromPairs(3, 6,
      new int[] {0, 0, 1, 1, 1, 1, 2}, new int[] {4, 5, 1, 3, 0, 2, 2});

  private static FullRankingEvaluator evaluator(String... keys) {
    return new FullRankingEvaluator(FullRankingEvaluator.columns(List.of(keys), StandardMetrics.ALL),
        Kernels.path().tileScorer(), Parallel.serial());
  }

  @Test
  void mrrIsTheMeanReciprocalRankOverAllHits() {
    EvaluationResult result = evaluator("mrr_hits@3", "mrr@3").evaluate(USERS, ITEMS, TARGETS);
    // user 0: 1/2; user 1: (1 + 1/3) / 2 = 2/3; user 2: 0
    assertThat(result.perUser("mrr_hits@3")).containsExactly(0.5f, 2f / 3, 0f);
    assertThat(result.metric("mrr_hits@3")).isCloseTo((0.5 + 2.0 / 3) / 3, within(EPS));
    // rankcf's MRR takes the first hit only: user 1 has 1
    assertThat(result.metric("mrr@3")).isCloseTo((0.5 + 1) / 3, within(EPS));
  }

  @Test
  void hitRatioIsRecallPooledOverUsersWithoutTheCap() {
    EvaluationResult result = evaluator("hit_ratio@3", "micro_recall@3", "recall@3").evaluate(USERS, ITEMS, TARGETS);
    // hits 1 + 2 + 0 over targets 2 + 4 + 1
    assertThat(result.metric("hit_ratio@3")).isCloseTo(3.0 / 7, within(EPS));
    // rankcf's pooled recall caps each user's targets at K: 2 + 3 + 1
    assertThat(result.metric("micro_recall@3")).isCloseTo(3.0 / 6, within(EPS));
    // recall is uncapped already: 1/2, 2/4, 0
    assertThat(result.metric("recall@3")).isCloseTo((0.5 + 0.5 + 0) / 3, within(EPS));
  }

  @Test
  void f1IsThePerUserHarmonicMeanOfPrecisionAndRecall() {
    EvaluationResult result = evaluator("f1@3").evaluate(USERS, ITEMS, TARGETS);
    // user 0: P 1/3, R 1/2 -> 2 * (1/6) / (5/6) = 2/5; user 1: P 2/3, R 1/2 -> (2/3) / (7/6) = 4/7; user 2: 0
    assertThat(result.perUser("f1@3")).containsExactly(0.4f, 4f / 7, 0f);
    assertThat(result.metric("f1@3")).isCloseTo((0.4 + 4.0 / 7) / 3, within(EPS));
  }

  @Test
  void testingWithTrainOnlyMaskedLeavesValidationItemsRankable() {
    // one user; train {1}, validation {5}, test {3}: order without masks i1, i5, i3, i0, ...
    Interactions train = Interactions.fromPairs(1, 6, new int[] {0}, new int[] {1});
    Interactions validation = Interactions.fromPairs(1, 6, new int[] {0}, new int[] {5});
    Interactions test = Interactions.fromPairs(1, 6, new int[] {0}, new int[] {3});
    SplitData split = new SplitData("toy", "given", train, validation, test, IdMap.identity(1), IdMap.identity(6));
    FullRankingEvaluator evaluator = evaluator("mrr@2", "recall@1");
    EvaluationResult masked = evaluator.evaluate(column(1), ITEMS, split, Stage.TEST);
    EvaluationResult rankable = evaluator.evaluate(column(1), ITEMS, split, Stage.TEST_TRAIN_MASKED);
    // masked: i3 is first; rankable: i5 (validation, not relevant) first, i3 second
    assertThat(masked.metric("mrr@2")).isEqualTo(1.0);
    assertThat(masked.metric("recall@1")).isEqualTo(1.0);
    assertThat(rankable.metric("mrr@2")).isEqualTo(0.5);
    assertThat(rankable.metric("recall@1")).isEqualTo(0.0);
  }

  private static EmbeddingTable column(float... values) {
    return new EmbeddingTable(values.length, 1, values);
  }
}
