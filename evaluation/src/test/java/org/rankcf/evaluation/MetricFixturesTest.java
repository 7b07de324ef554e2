package org.rankcf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Tiny data with hand-computed values. With d = 1 and every user embedding 1, a user's ranking is the item
 * values in decreasing order.
 */
class MetricFixturesTest {
  private static final double EPS = 1e-12;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);
  private static final double LOG2_5 = Math.log(5) / Math.log(2);
  private static final double LOG2_6 = Math.log(6) / Math.log(2);

  /*
   * Items 0..5 valued 0.5, 0.9, 0.1, 0.7, 0.3, 0.8, so the full order is i1, i5, i3, i0, i4, i2.
   * user 0: targets {4, 5}, no mask         -> i1 i5* i3 i0 i4* i2
   * user 1: target {2}, mask {1}            -> i5 i3 i0 i4 i2*
   * user 2: no targets (skipped)
   * user 3: targets {0, 1, 3, 5}, no mask   -> i1* i5* i3* i0* i4 i2
   */
  private static final EmbeddingTable ITEMS = column(0.5f, 0.9f, 0.1f, 0.7f, 0.3f, 0.8f);
  private static final EmbeddingTable USERS = column(1, 1, 1, 1);
  private static final Interactions TARGETS =
      pairs(4, 6, new int[] {0, 0, 1, 3, 3, 3, 3}, new int[] {4, 5, 2, 0, 1, 3, 5});
  private static final Interactions MASK = pairs(4, 6, new int[] {1}, new int[] {1});

  @Test
  void everyMetricAtThreeByHand() {
    EvaluationResult result = evaluator(3).evaluate(USERS, ITEMS, TARGETS, MASK);
    assertThat(result.usersEvaluated()).isEqualTo(3);
    assertThat(result.users()).containsExactly(0, 1, 3);
    // recall: user 0 1/2, user 1 0, user 3 3/4
    assertThat(result.metric("recall@3")).isCloseTo((0.5 + 0 + 0.75) / 3, within(EPS));
    // precision: 1/3, 0, 3/3
    assertThat(result.metric("precision@3")).isCloseTo((1.0 / 3 + 0 + 1) / 3, within(EPS));
    // hit: 1, 0, 1
    assertThat(result.metric("hit@3")).isCloseTo(2.0 / 3, within(EPS));
    // mrr: first hit at rank 2, none, rank 1
    assertThat(result.metric("mrr@3")).isCloseTo((0.5 + 0 + 1) / 3, within(EPS));
    // ndcg: user 0 DCG 1/log2(3), IDCG over min(3, 2) = 2 ranks 1 + 1/log2(3), ratio 1/log2(6);
    // user 3 hits ranks 1..3 with IDCG over 3 ranks -> 1
    assertThat(result.metric("ndcg@3")).isCloseTo((1 / LOG2_6 + 0 + 1) / 3, within(EPS));
    // micro recall: hits 1 + 0 + 3 over min(3, |T|) = 2 + 1 + 3
    assertThat(result.metric("micro_recall@3")).isCloseTo(4.0 / 6, within(EPS));
    assertThat(result.perUser("recall@3")).containsExactly(0.5f, 0f, 0.75f);
    assertThat(result.perUser("mrr@3")).containsExactly(0.5f, 0f, 1f);
  }

  @Test
  void everyMetricAtFiveByHandInTheSamePass() {
    EvaluationResult result = evaluator(3, 5).evaluate(USERS, ITEMS, TARGETS, MASK);
    assertThat(result.metrics().keySet()).containsExactly(
        "recall@3", "ndcg@3", "precision@3", "hit@3", "mrr@3", "micro_recall@3",
        "recall@5", "ndcg@5", "precision@5", "hit@5", "mrr@5", "micro_recall@5");
    // user 0 hits ranks 2 and 5; user 1 rank 5; user 3 ranks 1..4
    assertThat(result.metric("recall@5")).isCloseTo(1.0, within(EPS));
    assertThat(result.metric("precision@5")).isCloseTo((2.0 / 5 + 1.0 / 5 + 4.0 / 5) / 3, within(EPS));
    assertThat(result.metric("hit@5")).isCloseTo(1.0, within(EPS));
    assertThat(result.metric("mrr@5")).isCloseTo((0.5 + 0.2 + 1) / 3, within(EPS));
    double user0 = (1 / LOG2_3 + 1 / LOG2_6) / (1 + 1 / LOG2_3);
    double user1 = 1 / LOG2_6;
    double user3 = (1 + 1 / LOG2_3 + 0.5 + 1 / LOG2_5) / (1 + 1 / LOG2_3 + 0.5 + 1 / LOG2_5);
    assertThat(result.metric("ndcg@5")).isCloseTo((user0 + user1 + user3) / 3, within(EPS));
    assertThat(result.metric("micro_recall@5")).isCloseTo(7.0 / 7, within(EPS));
  }

  @Test
  void tiesGoToTheLowerItemId() {
    // three items tie at 0.5; the target is item 1, so the list is i0, i1*, i2
    EmbeddingTable items = column(0.5f, 0.5f, 0.5f);
    Interactions targets = pairs(1, 3, new int[] {0}, new int[] {1});
    EvaluationResult result = evaluator(1, 2).evaluate(column(1), items, targets);
    assertThat(result.metric("hit@1")).isZero();
    assertThat(result.metric("mrr@2")).isCloseTo(0.5, within(EPS));
  }

  @Test
  void nanScoresRankLast() {
    // item 0 scores NaN, item 1 scores -3: the target item 0 comes second, after -3
    EmbeddingTable items = column(Float.NaN, -3f);
    Interactions targets = pairs(1, 2, new int[] {0}, new int[] {0});
    EvaluationResult result = evaluator(1, 2).evaluate(column(1), items, targets);
    assertThat(result.metric("recall@1")).isZero();
    assertThat(result.metric("mrr@2")).isCloseTo(0.5, within(EPS));
  }

  @Test
  void kBeyondTheRankableItemsStillDividesPrecisionByK() {
    // 2 items, item 0 masked: the list is just i1*, padded; precision@10 = 1/10, ndcg = 1
    EmbeddingTable items = column(0.9f, 0.1f);
    Interactions targets = pairs(1, 2, new int[] {0}, new int[] {1});
    Interactions mask = pairs(1, 2, new int[] {0}, new int[] {0});
    EvaluationResult result = evaluator(10).evaluate(column(1), items, targets, mask);
    assertThat(result.metric("precision@10")).isCloseTo(0.1, within(EPS));
    assertThat(result.metric("ndcg@10")).isCloseTo(1.0, within(EPS));
  }

  @Test
  void stagesPickTargetsAndMasks() {
    // one user; item values 0.9, 0.8, 0.7, 0.6: train {0}, validation {1}, test {2}
    EmbeddingTable items = column(0.9f, 0.8f, 0.7f, 0.6f);
    Interactions train = pairs(1, 4, new int[] {0}, new int[] {0});
    Interactions validation = pairs(1, 4, new int[] {0}, new int[] {1});
    Interactions test = pairs(1, 4, new int[] {0}, new int[] {2});
    SplitData split = new SplitData("toy", "given", train, validation, test, IdMap.identity(1), IdMap.identity(4));
    FullRankingEvaluator evaluator = evaluator(1);
    // validation: i0 masked, i1 first -> hit; test: i0 and i1 masked, i2 first -> hit
    assertThat(evaluator.evaluate(column(1), items, split, Stage.VALIDATION).metric("hit@1")).isEqualTo(1.0);
    assertThat(evaluator.evaluate(column(1), items, split, Stage.TEST).metric("hit@1")).isEqualTo(1.0);
    // without the validation mask the test target would sit behind i1
    assertThat(evaluator.evaluate(column(1), items, test, train).metric("mrr@1")).isZero();
    // no validation pairs: VALIDATION falls back to the test targets with train masked (i1 then i2*)
    SplitData noValidation = new SplitData("toy", "given", train, Interactions.empty(1, 4), test,
        IdMap.identity(1), IdMap.identity(4));
    EvaluationResult fallback = evaluator(2).evaluate(column(1), items, noValidation, Stage.VALIDATION);
    assertThat(fallback.metric("mrr@2")).isCloseTo(0.5, within(EPS));
  }

  @Test
  void noTargetsGivesNaNAndUnknownKeysNameTheKnownOnes() {
    EvaluationResult result = evaluator(2).evaluate(column(1), column(1, 2), Interactions.empty(1, 2));
    assertThat(result.usersEvaluated()).isZero();
    assertThat(result.metric("recall@2")).isNaN();
    assertThat(result.metric("micro_recall@2")).isNaN();
    assertThatThrownBy(() -> result.metric("recall@20")).hasMessageContaining("recall@2,");
    assertThatThrownBy(() -> result.perUser("micro_recall@2")).hasMessageContaining("no per-user values");
  }

  @Test
  void rejectsMismatchedShapesAndBadCutoffs() {
    assertThatThrownBy(() -> evaluator(1).evaluate(column(1), column(1, 2), Interactions.empty(1, 3)))
        .hasMessageContaining("1 x 3");
    assertThatThrownBy(() -> evaluator(0)).hasMessageContaining(">= 1");
    assertThatThrownBy(() -> new FullRankingEvaluator(List.of(), Parallel.serial()))
        .hasMessageContaining("at least one");
  }

  private static FullRankingEvaluator evaluator(Integer... ks) {
    return new FullRankingEvaluator(List.of(ks), Parallel.serial());
  }

  private static EmbeddingTable column(float... values) {
    return new EmbeddingTable(values.length, 1, values);
  }

  private static Interactions pairs(int numUsers, int numItems, int[] users, int[] items) {
    return Interactions.fromPairs(numUsers, numItems, users, items);
  }
}
