package org.rankcf.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.UserInputException;

/** Test and validation pairs of users or items that train never saw: dropped with counts, or kept on request. */
class UnseenPairsTest {
  // 4 users x 4 items; user 3 and item 3 have no train pair
  private static final Interactions TRAIN = Interactions.fromPairs(4, 4, new int[] {0, 1, 2}, new int[] {0, 1, 2});

  private static SplitData split(Interactions validation, Interactions test) {
    return new SplitData("toy", "given", TRAIN, validation, test, IdMap.identity(4), IdMap.identity(4));
  }

  @Test
  void unseenUsersAndItemsAreDroppedAndCounted() {
    Interactions test = Interactions.fromPairs(4, 4, new int[] {0, 3, 1, 2}, new int[] {1, 0, 3, 0});
    Interactions validation = Interactions.fromPairs(4, 4, new int[] {3, 2}, new int[] {3, 1});
    SplitData out = UnseenPairs.apply(split(validation, test), false);
    assertThat(out.test().size()).isEqualTo(2);
    assertThat(out.test().contains(0, 1)).isTrue();
    assertThat(out.test().contains(2, 0)).isTrue();
    assertThat(out.validation().size()).isEqualTo(1);
    assertThat(out.validation().contains(2, 1)).isTrue();
    assertThat(out.protocol()).isEqualTo("given; dropped unseen-in-train pairs: test 2, validation 1");
  }

  @Test
  void keepLeavesTheSplitAsTheSplitterMadeIt() {
    SplitData in = split(Interactions.empty(4, 4), Interactions.fromPairs(4, 4, new int[] {0, 3}, new int[] {1, 0}));
    assertThat(UnseenPairs.apply(in, true)).isSameAs(in);
  }

  @Test
  void aSplitWithNothingUnseenIsReturnedAsIs() {
    SplitData in = split(Interactions.empty(4, 4), Interactions.fromPairs(4, 4, new int[] {0}, new int[] {2}));
    assertThat(UnseenPairs.apply(in, false)).isSameAs(in);
  }

  @Test
  void aTestSetInsideTrainIsAnError() {
    SplitData in = split(Interactions.empty(4, 4), Interactions.fromPairs(4, 4, new int[] {0, 1}, new int[] {0, 1}));
    assertThatThrownBy(() -> UnseenPairs.apply(in, true)).isInstanceOf(UserInputException.class)
        .hasMessageStartingWith("toy: every test pair is also a train pair");
  }

  @Test
  void aTestSetOfOnlyUnseenPairsIsAnErrorWhenDropping() {
    SplitData in = split(Interactions.empty(4, 4), Interactions.fromPairs(4, 4, new int[] {3}, new int[] {0}));
    assertThatThrownBy(() -> UnseenPairs.apply(in, false)).hasMessageContaining("set data.unseen: keep");
  }
}
