package org.rankcf.framework.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.util.ConfigException;

class DistinctUniformSamplerTest {
  /** User 0 owns items 0-3 of 10, user 1 owns item 9, user 2 owns nothing. */
  private static final Interactions TRAIN = Interactions.fromPairs(3, 10,
      new int[] {0, 0, 0, 0, 1}, new int[] {0, 1, 2, 3, 9});

  private static SamplerConfig distinct(int negatives, boolean reject) {
    return new SamplerConfig(negatives, reject, 1.0, false);
  }

  private static int[] draw(DistinctUniformSampler sampler, int[] users, int negatives, long seed) {
    int[] out = new int[users.length * negatives];
    sampler.sample(users, new int[users.length], users.length, negatives, out, new SplittableRandom(seed));
    return out;
  }

  @Test
  void eachPairsNegativesAreDistinctAndOutsideTheUsersTrainItems() {
    DistinctUniformSampler sampler = new DistinctUniformSampler(TRAIN, distinct(6, true));
    int[] users = {0, 1, 2, 0};
    for (long seed = 0; seed < 200; seed++) {
      int[] out = draw(sampler, users, 6, seed);
      for (int b = 0; b < users.length; b++) {
        int[] row = Arrays.copyOfRange(out, b * 6, b * 6 + 6);
        assertThat(row).doesNotHaveDuplicates();
        for (int item : row) {
          assertThat(TRAIN.contains(users[b], item)).isFalse();
          assertThat(item).isBetween(0, 9);
        }
      }
    }
    // user 0 has exactly 6 candidates: every draw is all of them
    int[] all = Arrays.copyOfRange(draw(sampler, new int[] {0}, 6, 3), 0, 6);
    Arrays.sort(all);
    assertThat(all).containsExactly(4, 5, 6, 7, 8, 9);
  }

  @Test
  void everyCandidateIsEquallyLikelyInEveryPosition() {
    // user 1's candidates are items 0..8; 2 draws per pair, 90,000 pairs: each (position, item) cell expects
    // 10,000; a 5-sigma band is +-500
    DistinctUniformSampler sampler = new DistinctUniformSampler(TRAIN, distinct(2, true));
    int pairs = 90_000;
    int[] users = new int[pairs];
    Arrays.fill(users, 1);
    int[] out = draw(sampler, users, 2, 11);
    long[][] counts = new long[2][10];
    for (int b = 0; b < pairs; b++) {
      counts[0][out[2 * b]]++;
      counts[1][out[2 * b + 1]]++;
    }
    for (int position = 0; position < 2; position++) {
      assertThat(counts[position][9]).isZero();
      for (int item = 0; item < 9; item++) {
        assertThat(counts[position][item]).isBetween(9_500L, 10_500L);
      }
    }
  }

  @Test
  void drawsDependOnTheStreamAloneAndWithoutRejectionTrainItemsComeUp() {
    DistinctUniformSampler sampler = new DistinctUniformSampler(TRAIN, distinct(10, false));
    int[] first = draw(sampler, new int[] {0, 2}, 10, 5);
    draw(sampler, new int[] {1, 0, 2}, 10, 99); // in between: must leave no trace in the sampler
    assertThat(draw(new DistinctUniformSampler(TRAIN, distinct(10, false)), new int[] {0, 2}, 10, 5))
        .containsExactly(first);
    int[] row = Arrays.copyOfRange(first, 0, 10);
    Arrays.sort(row);
    assertThat(row).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void tooManyNegativesForTheFullestUserIsAConfigError() {
    assertThatThrownBy(() -> new DistinctUniformSampler(TRAIN, distinct(7, true)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("train.sampler.negatives: 7 distinct negatives per pair need as many candidate items, "
            + "but the user with the most train items leaves 6 of 10");
    assertThatThrownBy(() -> new DistinctUniformSampler(TRAIN, distinct(11, false)))
        .hasMessageContaining("the catalogue has 10");
  }

  @Test
  void withReplacementIsTheDefault() {
    assertThat(SamplerConfig.DEFAULTS.replacement()).isTrue();
    assertThat(new SamplerConfig(3, true, 1.0).replacement()).isTrue();
  }
}
