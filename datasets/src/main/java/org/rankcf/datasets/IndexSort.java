package org.rankcf.datasets;

import java.util.function.IntBinaryOperator;

/** Stable sorting of the indexes 0..n-1 by a comparator over indexes, without boxing. */
public final class IndexSort {
  private IndexSort() {}

  /** The indexes 0..n-1 ordered by {@code compare}; equal indexes keep increasing order. */
  public static int[] stableOrder(int n, IntBinaryOperator compare) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    int[] buffer = new int[n];
    // bottom-up merge sort: runs of width 1, 2, 4, ... merged from order into buffer and back
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int a = lo;
        int b = mid;
        for (int out = lo; out < hi; out++) {
          if (a < mid && (b >= hi || compare.applyAsInt(order[a], order[b]) <= 0)) {
            buffer[out] = order[a++];
          } else {
            buffer[out] = order[b++];
          }
        }
      }
      int[] swap = order;
      order = buffer;
      buffer = swap;
    }
    return order;
  }
}
