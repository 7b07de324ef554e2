package org.rankcf.framework.kernels;

import java.util.Arrays;

/**
 * The running top-K of a block of users ("slots") during a ranking sweep: per slot a bounded heap whose
 * root is the worst kept entry, and a cursor into each sorted mask. Items must be offered to a slot in
 * increasing id order; then a newcomer that ties the worst kept score has the higher id and loses, so
 * "strictly above the threshold" is the whole admission test once the heap is full. NaN scores count as
 * -infinity.
 */
final class TopKCollector {
  private final int k;
  private final ItemMask[] masks;
  private final float[] heapScores;
  private final int[] heapItems;
  private final int[] sizes;
  private final float[] thresholds;
  private final int[][] cursors;
  private final int[][] ends;

  TopKCollector(int slots, int k, ItemMask[] masks) {
    this.k = k;
    this.masks = masks;
    this.heapScores = new float[slots * k];
    this.heapItems = new int[slots * k];
    this.sizes = new int[slots];
    this.thresholds = new float[slots];
    this.cursors = new int[masks.length][slots];
    this.ends = new int[masks.length][slots];
  }

  /** Empties a slot and points it at a user's masks. */
  void reset(int slot, int user) {
    sizes[slot] = 0;
    thresholds[slot] = Float.NaN;
    for (int m = 0; m < masks.length; m++) {
      cursors[m][slot] = masks[m].ptr()[user];
      ends[m][slot] = masks[m].ptr()[user + 1];
    }
  }

  /**
   * Per slot, the admission threshold: the worst kept score once the heap is full, NaN before, so that
   * "not {@code <=} threshold" (see {@link TileScorer#nextAbove}) lets everything through while the
   * heap fills. Shared, read-only for callers.
   */
  float[] thresholds() {
    return thresholds;
  }

  /** Offers an item with a higher id than every item offered to this slot before. */
  void offer(int slot, int item, float score) {
    if (masked(slot, item)) {
      return;
    }
    if (Float.isNaN(score)) {
      score = Float.NEGATIVE_INFINITY;
    }
    int base = slot * k;
    int size = sizes[slot];
    if (size < k) {
      siftUp(base, size, score, item);
      sizes[slot] = size + 1;
      if (size + 1 == k) {
        thresholds[slot] = heapScores[base];
      }
    } else if (score > thresholds[slot]) {
      siftDown(base, score, item);
      thresholds[slot] = heapScores[base];
    }
  }

  /** Advances the slot's mask cursors to {@code item}; true when some mask holds it. */
  private boolean masked(int slot, int item) {
    boolean hit = false;
    for (int m = 0; m < masks.length; m++) {
      int[] maskItems = masks[m].items();
      int c = cursors[m][slot];
      int end = ends[m][slot];
      while (c < end && maskItems[c] < item) {
        c++;
      }
      cursors[m][slot] = c;
      hit |= c < end && maskItems[c] == item;
    }
    return hit;
  }

  private static boolean worse(float s1, int i1, float s2, int i2) {
    return s1 < s2 || (s1 == s2 && i1 > i2);
  }

  private void siftUp(int base, int at, float score, int item) {
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!worse(score, item, heapScores[base + parent], heapItems[base + parent])) {
        break;
      }
      move(base + parent, base + at);
      at = parent;
    }
    put(base + at, score, item);
  }

  /** Replaces the root (the worst entry) and restores the heap. */
  private void siftDown(int base, float score, int item) {
    int at = 0;
    for (int child = 1; child < k; child = 2 * at + 1) {
      int right = child + 1;
      if (right < k && worse(heapScores[base + right], heapItems[base + right],
          heapScores[base + child], heapItems[base + child])) {
        child = right;
      }
      if (!worse(heapScores[base + child], heapItems[base + child], score, item)) {
        break;
      }
      move(base + child, base + at);
      at = child;
    }
    put(base + at, score, item);
  }

  private void move(int from, int to) {
    heapScores[to] = heapScores[from];
    heapItems[to] = heapItems[from];
  }

  private void put(int at, float score, int item) {
    heapScores[at] = score;
    heapItems[at] = item;
  }

  /**
   * Writes the slot's entries best first (higher score, then lower id) at {@code off}, padding the k
   * positions with item -1 and score NaN when fewer than k items were rankable.
   */
  void writeSorted(int slot, int[] items, float[] scores, int off) {
    int base = slot * k;
    int size = sizes[slot];
    for (int e = 0; e < size; e++) {
      float s = heapScores[base + e];
      int item = heapItems[base + e];
      int at = off + e;
      while (at > off && worse(scores[at - 1], items[at - 1], s, item)) {
        scores[at] = scores[at - 1];
        items[at] = items[at - 1];
        at--;
      }
      scores[at] = s;
      items[at] = item;
    }
    Arrays.fill(items, off + size, off + k, -1);
    Arrays.fill(scores, off + size, off + k, Float.NaN);
  }
}
