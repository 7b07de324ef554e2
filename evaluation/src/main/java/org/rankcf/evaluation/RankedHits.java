package org.rankcf.evaluation;

import java.util.Arrays;
import org.rankcf.framework.kernels.TopKLists;

/**
 * One user's ranked list seen through binary relevance: rank r (1-based) is relevant when the item there
 * is one of the user's target items. Reused across users by one thread.
 */
public final class RankedHits {
  private final boolean[] relevant;
  private final Discount discount;
  private int targets;

  public RankedHits(int maxRank, Discount discount) {
    this.relevant = new boolean[maxRank + 1];
    this.discount = discount;
  }

  /**
   * Takes the ranked list at {@code position} of {@code lists} (k at least the max rank) and marks each
   * ranked item that occurs in the sorted target slice {@code targetItems[from..to)}; padding (-1) is
   * never relevant.
   */
  public RankedHits assign(TopKLists lists, int position, int[] targetItems, int from, int to) {
    targets = to - from;
    for (int r = 1; r < relevant.length; r++) {
      int item = lists.item(position, r - 1);
      relevant[r] = item >= 0 && Arrays.binarySearch(targetItems, from, to, item) >= 0;
    }
    return this;
  }

  /** The binary relevance (0 or 1) of rank r. */
  public int relevance(int rank) {
    return relevant[rank] ? 1 : 0;
  }

  /** Number of target items of the user, |T_u|. */
  public int targets() {
    return targets;
  }

  /** Number of relevant items in the first k ranks. */
  public int hits(int k) {
    int hits = 0;
    for (int r = 1; r <= k; r++) {
      hits += relevance(r);
    }
    return hits;
  }

  /** The rank discount table shared by gain-based metrics. */
  public Discount discount() {
    return discount;
  }
}
