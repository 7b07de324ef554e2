package org.rankcf.framework.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.Interactions;

class UniformSamplerRejectionTest {
  /** User 0 owns 12 of 16 items, user 1 owns item 5, user 2 owns nothing, user 3 owns every item. */
  private static final Interactions TRAIN = train();

  private static Interactions train() {
    int[] users = new int[12 + 1 + 16];
    int[] items = new int[users.length];
    int p = 0;
    for (int i = 0; i < 12; i++, p++) {
      users[p] = 0;
      items[p] = (i * 5) % 16;
    }
    users[p] = 1;
    items[p++] = 5;
    for (int i = 0; i < 16; i++, p++) {
      users[p] = 3;
      items[p] = i;
    }
    return Interactions.fromPairs(4, 16, users, items);
  }

  /**
   * The rule the sampler implements, written out with the binary search for every draw: redraw a user's own
   * item up to MAX_REDRAWS times, then keep it.
   */
  private static int[] reference(int[] users, int negatives, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[users.length * negatives];
    for (int b = 0; b < users.length; b++) {
      for (int k = 0; k < negatives; k++) {
        int item = random.nextInt(16);
        for (int tries = 0; tries < SamplerConfig.MAX_REDRAWS && TRAIN.contains(users[b], item); tries++) {
          item = random.nextInt(16);
        }
        out[b * negatives + k] = item;
      }
    }
    return out;
  }

  private static int[] sample(int[] users, int negatives, long seed) {
    UniformSampler sampler = new UniformSampler(TRAIN, new SamplerConfig(negatives, true, 1.0));
    int[] out = new int[users.length * negatives];
    sampler.sample(users, new int[users.length], users.length, negatives, out, new SplittableRandom(seed));
    return out;
  }

  @Test
  void drawsAreTheReferenceRulesWhetherTheUsersItemsAreMarkedOrSearched() {
    int[] users = {0, 1, 2, 3, 0, 1};
    // 1 negative: user 0's 12 items exceed 4 x 1, so they are searched; 3 and 50 negatives mark them
    for (int negatives : new int[] {1, 3, 50}) {
      for (long seed = 0; seed < 50; seed++) {
        assertThat(sample(users, negatives, seed)).as("N=%d seed=%d", negatives, seed)
            .containsExactly(reference(users, negatives, seed));
      }
    }
  }

  @Test
  void marksDoNotLeakFromOneRowToTheNext() {
    // user 0 (marked, 12 items) then user 2 (owns nothing): every item stays drawable for user 2
    int[] out = sample(new int[] {0, 2}, 4000, 7);
    boolean[] seenForUser2 = new boolean[16];
    for (int k = 4000; k < 8000; k++) {
      seenForUser2[out[k]] = true;
    }
    for (int k = 0; k < 4000; k++) {
      assertThat(TRAIN.contains(0, out[k])).isFalse();
    }
    assertThat(seenForUser2).containsOnly(true);
  }
}
