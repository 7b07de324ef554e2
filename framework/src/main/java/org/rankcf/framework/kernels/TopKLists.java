package org.rankcf.framework.kernels;

import java.util.Arrays;

/**
 * The ranked top-K items of a list of users: for the user at position p (of the requested list), ranks
 * 0..k-1 best first. A user with fewer than k rankable items has trailing item -1 (score NaN).
 */
public final class TopKLists {
  private final int k;
  private final int[] users;
  private final int[] items;
  private final float[] scores;

  TopKLists(int k, int[] users, int[] items, float[] scores) {
    this.k = k;
    this.users = users;
    this.items = items;
    this.scores = scores;
  }

  public int k() {
    return k;
  }

  /** Number of ranked users. */
  public int size() {
    return users.length;
  }

  /** The user id at a position of the requested list. */
  public int user(int position) {
    return users[position];
  }

  /** The item at rank {@code rank} (0-based) of the user at {@code position}, or -1. */
  public int item(int position, int rank) {
    return items[position * k + rank];
  }

  /** The raw score at that rank (-infinity for a NaN score, NaN for a padded rank). */
  public float score(int position, int rank) {
    return scores[position * k + rank];
  }

  /** A copy of the user's k ranked items (with -1 padding). */
  public int[] itemsOf(int position) {
    return Arrays.copyOfRange(items, position * k, (position + 1) * k);
  }
}
