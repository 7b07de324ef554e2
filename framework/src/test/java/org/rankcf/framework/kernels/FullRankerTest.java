package org.rankcf.framework.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.Parallel;

class FullRankerTest {
  private static final Parallel TWO = new Parallel(2);

  @AfterAll
  static void close() {
    TWO.close();
  }

  @Test
  void ranksByScoreWithTiesToTheLowerIdAndSkipsMaskedItems() {
    // user (1, 2); item scores: i0 = 1, i1 = 2, i2 = 2, i3 = 0, i4 = 3 (masked), i5 = -1
    // expected top-4: i1 and i2 tie at 2 -> lower id first; then i0 (1), then i3 (0); i4 never appears
    EmbeddingTable users = new EmbeddingTable(1, 2, new float[] {1, 2});
    EmbeddingTable items = new EmbeddingTable(6, 2, new float[] {1, 0, 0, 1, 2, 0, 0, 0, 1, 1, -1, 0});
    ItemMask mask = new ItemMask(new int[] {0, 1}, new int[] {4});
    for (TileScorer scorer : scorers()) {
      TopKLists top = new FullRanker(scorer, Parallel.serial()).rank(users, items, new int[] {0}, 4, mask);
      assertThat(top.itemsOf(0)).containsExactly(1, 2, 0, 3);
      assertThat(top.score(0, 0)).isEqualTo(2f);
      assertThat(top.score(0, 3)).isEqualTo(0f);
    }
  }

  @Test
  void nanScoresRankAsMinusInfinityAndShortListsArePadded() {
    // scores: i0 = NaN, i1 = -inf, i2 = 1, i3 = NaN; with two masks dropping nothing and i2 respectively
    // unmasked: i2 (1) first, then the -inf group in id order: i0, i1, i3
    float nan = Float.NaN;
    EmbeddingTable users = new EmbeddingTable(1, 1, new float[] {1});
    EmbeddingTable items = new EmbeddingTable(4, 1, new float[] {nan, Float.NEGATIVE_INFINITY, 1, nan});
    ItemMask none = new ItemMask(new int[] {0, 0}, new int[0]);
    ItemMask dropTwo = new ItemMask(new int[] {0, 1}, new int[] {2});
    for (TileScorer scorer : scorers()) {
      FullRanker ranker = new FullRanker(scorer, Parallel.serial());
      assertThat(ranker.rank(users, items, new int[] {0}, 6, none).itemsOf(0)).containsExactly(2, 0, 1, 3, -1, -1);
      TopKLists masked = ranker.rank(users, items, new int[] {0}, 2, none, dropTwo);
      assertThat(masked.itemsOf(0)).containsExactly(0, 1);
      assertThat(masked.score(0, 0)).isEqualTo(Float.NEGATIVE_INFINITY);
    }
  }

  @ParameterizedTest
  @CsvSource({
      // users, items, dim, k
      "5, 1, 1, 3",
      "9, 15, 1, 4",
      "70, 37, 3, 5",
      "131, 100, 64, 20",
      "67, 1000, 7, 50",
      "10, 17, 64, 40",
      "200, 333, 16, 1",
      // several item blocks (768 items each at d = 64, 1024 at small d) and user blocks (192 users)
      "20, 2000, 64, 30",
      "400, 2500, 2, 7",
  })
  void agreesWithBruteForceOnRandomDataAndMasks(int numUsers, int numItems, int dim, int k) {
    SplittableRandom random = new SplittableRandom(31L * numItems + dim);
    EmbeddingTable users = TestBatches.table(numUsers, dim, 1.0, random);
    EmbeddingTable items = TestBatches.table(numItems, dim, 1.0, random);
    assertAgrees(users, items, k, random);
  }

  @Test
  void agreesWithBruteForceUnderMassiveTies() {
    // entries in {-1, 0, 1} with d = 2: only a handful of distinct scores, so nearly every cut is a tie
    SplittableRandom random = new SplittableRandom(7);
    EmbeddingTable users = new EmbeddingTable(90, 2);
    EmbeddingTable items = new EmbeddingTable(150, 2);
    for (float[] data : new float[][] {users.data(), items.data()}) {
      for (int t = 0; t < data.length; t++) {
        data[t] = random.nextInt(3) - 1;
      }
    }
    assertAgrees(users, items, 10, random);
  }

  @Test
  void rejectsBadRequests() {
    EmbeddingTable users = new EmbeddingTable(2, 3);
    FullRanker ranker = new FullRanker(Kernels.scalar().tileScorer(), Parallel.serial());
    assertThatThrownBy(() -> ranker.rank(users, new EmbeddingTable(4, 2), new int[] {0}, 1))
        .hasMessageContaining("dim");
    assertThatThrownBy(() -> ranker.rank(users, new EmbeddingTable(4, 3), new int[] {2}, 1))
        .hasMessageContaining("user 2");
    assertThatThrownBy(() -> ranker.rank(users, new EmbeddingTable(4, 3), new int[] {0}, 0))
        .hasMessageContaining("k must be");
    ItemMask small = new ItemMask(new int[] {0}, new int[0]);
    assertThatThrownBy(() -> ranker.rank(users, new EmbeddingTable(4, 3), new int[] {0}, 1, small))
        .hasMessageContaining("covers 0 users");
  }

  /** Both paths, serial and on two threads, return the brute-force lists for a shuffled user list. */
  private static void assertAgrees(EmbeddingTable users, EmbeddingTable items, int k, SplittableRandom random) {
    ItemMask train = randomMask(users.rows(), items.rows(), 0.2, random);
    ItemMask validation = randomMask(users.rows(), items.rows(), 0.1, random);
    int[] userIds = shuffledUsers(users.rows(), random);
    int[][] expected = BruteForceRanking.topK(users, items, userIds, k, train, validation);
    for (TileScorer scorer : scorers()) {
      for (Parallel parallel : new Parallel[] {Parallel.serial(), TWO}) {
        TopKLists top = new FullRanker(scorer, parallel).rank(users, items, userIds, k, train, validation);
        for (int p = 0; p < userIds.length; p++) {
          int[] padded = Arrays.copyOf(expected[p], k);
          Arrays.fill(padded, expected[p].length, k, -1);
          assertThat(top.user(p)).isEqualTo(userIds[p]);
          assertThat(top.itemsOf(p)).as("user %d via %s", userIds[p], scorer).containsExactly(padded);
          for (int r = 0; r < k; r++) {
            float score = r < expected[p].length
                ? BruteForceRanking.score(users, userIds[p], items, expected[p][r]) : Float.NaN;
            float rankable = Float.isNaN(score) && r < expected[p].length ? Float.NEGATIVE_INFINITY : score;
            assertThat(Float.floatToIntBits(top.score(p, r))).isEqualTo(Float.floatToIntBits(rankable));
          }
        }
      }
    }
  }

  private static TileScorer[] scorers() {
    return new TileScorer[] {Kernels.scalar().tileScorer(), Kernels.vector().tileScorer()};
  }

  private static ItemMask randomMask(int numUsers, int numItems, double rate, SplittableRandom random) {
    int[] ptr = new int[numUsers + 1];
    int[] items = new int[numUsers * numItems];
    int n = 0;
    for (int u = 0; u < numUsers; u++) {
      TreeSet<Integer> chosen = new TreeSet<>();
      for (int i = 0; i < numItems; i++) {
        if (random.nextDouble() < rate) {
          chosen.add(i);
        }
      }
      for (int i : chosen) {
        items[n++] = i;
      }
      ptr[u + 1] = n;
    }
    return new ItemMask(ptr, Arrays.copyOf(items, n));
  }

  private static int[] shuffledUsers(int numUsers, SplittableRandom random) {
    int[] ids = new int[numUsers];
    for (int u = 0; u < numUsers; u++) {
      ids[u] = u;
    }
    for (int u = numUsers - 1; u > 0; u--) {
      int j = random.nextInt(u + 1);
      int t = ids[u];
      ids[u] = ids[j];
      ids[j] = t;
    }
    return ids;
  }
}
