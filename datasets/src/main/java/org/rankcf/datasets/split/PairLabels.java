package org.rankcf.datasets.split;

import java.util.SplittableRandom;
import org.rankcf.datasets.PairData;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;

/**
 * Splits work by labelling every pair of a set (in its CSR order) train, validation or test, then cutting
 * the set by label.
 */
final class PairLabels {
  static final byte TRAIN = 0;
  static final byte VALIDATION = 1;
  static final byte TEST = 2;

  private PairLabels() {}

  /** The pairs of {@code all} with each label: {train, validation, test}. */
  static Interactions[] cut(Interactions all, byte[] labels) {
    int[] counts = new int[3];
    for (byte label : labels) {
      counts[label]++;
    }
    int[][] users = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
    int[][] items = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
    int[] fill = new int[3];
    int[] ptr = all.userPtr();
    int[] cols = all.userItems();
    for (int u = 0; u < all.numUsers(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        int label = labels[p];
        users[label][fill[label]] = u;
        items[label][fill[label]++] = cols[p];
      }
    }
    Interactions[] parts = new Interactions[3];
    for (int label = 0; label < 3; label++) {
      parts[label] = Interactions.fromPairs(all.numUsers(), all.numItems(), users[label], items[label]);
    }
    return parts;
  }

  /** The split of {@code data} whose pairs are {@code all}, cut by label. */
  static SplitData toSplit(PairData data, String protocol, Interactions all, byte[] labels) {
    Interactions[] parts = cut(all, labels);
    return new SplitData(data.name(), protocol, parts[0], parts[1], parts[2], data.users(), data.items());
  }

  /**
   * Labels by position in {@code order} (a permutation of the pair indexes): the first {@code trainCount}
   * train, the next {@code validationCount} validation, the rest test.
   */
  static byte[] byOrder(int[] order, int trainCount, int validationCount) {
    byte[] labels = new byte[order.length];
    for (int k = 0; k < order.length; k++) {
      labels[order[k]] = k < trainCount ? TRAIN : k < trainCount + validationCount ? VALIDATION : TEST;
    }
    return labels;
  }

  /** floor(n * fraction), guarded against the last-bit error of the product (0.1 * 30 is 3.0000000000000004). */
  static int count(int n, double fraction) {
    return (int) Math.floor(n * fraction + 1e-9);
  }

  /** A uniformly random permutation of 0..n-1: Fisher-Yates from the top, one draw per position. */
  static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    shuffle(order, 0, n, new SplittableRandom(seed));
    return order;
  }

  /** Fisher-Yates over {@code values[from..to)}. */
  static void shuffle(int[] values, int from, int to, SplittableRandom random) {
    for (int k = to - from - 1; k > 0; k--) {
      int j = random.nextInt(k + 1);
      int swap = values[from + k];
      values[from + k] = values[from + j];
      values[from + j] = swap;
    }
  }
}
