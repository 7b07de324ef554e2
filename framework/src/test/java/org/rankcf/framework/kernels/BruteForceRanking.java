package org.rankcf.framework.kernels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rankcf.framework.model.EmbeddingTable;

/**
 * The obvious full ranking, the oracle for {@link FullRanker}: score every item with the fused
 * multiply-add sequence, drop masked items, sort everything (score descending with NaN as -infinity, then
 * id ascending), keep the first k. Shared with other modules through the framework test-jar.
 */
public final class BruteForceRanking {
  private BruteForceRanking() {}

  /** One row per listed user: its top-k item ids (shorter when fewer items are rankable). */
  public static int[][] topK(EmbeddingTable users, EmbeddingTable items, int[] userIds, int k, ItemMask... masks) {
    int[][] lists = new int[userIds.length][];
    for (int p = 0; p < userIds.length; p++) {
      int user = userIds[p];
      List<float[]> candidates = new ArrayList<>();
      for (int item = 0; item < items.rows(); item++) {
        if (!masked(masks, user, item)) {
          float score = score(users, user, items, item);
          candidates.add(new float[] {Float.isNaN(score) ? Float.NEGATIVE_INFINITY : score, item});
        }
      }
      candidates.sort(Comparator.<float[]>comparingDouble(c -> -c[0]).thenComparingDouble(c -> c[1]));
      int n = Math.min(k, candidates.size());
      lists[p] = new int[n];
      for (int r = 0; r < n; r++) {
        lists[p][r] = (int) candidates.get(r)[1];
      }
    }
    return lists;
  }

  /** The ranking score: acc = fma(u[t], i[t], acc) over t in order, from zero. */
  public static float score(EmbeddingTable users, int user, EmbeddingTable items, int item) {
    float acc = 0f;
    for (int t = 0; t < users.dim(); t++) {
      acc = Math.fma(users.get(user, t), items.get(item, t), acc);
    }
    return acc;
  }

  private static boolean masked(ItemMask[] masks, int user, int item) {
    for (ItemMask mask : masks) {
      for (int p = mask.ptr()[user]; p < mask.ptr()[user + 1]; p++) {
        if (mask.items()[p] == item) {
          return true;
        }
      }
    }
    return false;
  }
}
