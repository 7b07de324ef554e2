package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;

/**
 * Each pair's positive and negatives ranked in the whole catalogue by the user's dot-product scores over the
 * final tables: π(u, t) = 1 + #{items k : x(u, k) > x(u, t)}, training positives not masked (LOSSES.md
 * §L8.1). The scores come a block of the batch's unique users at a time from the kernel path's blocked
 * {@code gemmNT} (the evaluation's tile kernel); an item's own score is read from the same row it is
 * compared with, so it never counts itself. Blocks are split statically over the threads and each pair's
 * ranks depend only on its user's row, so the ranks are the same for any thread count.
 */
final class CatalogueRanks {
  /** Users scored per gemm call: enough rows to fill the tile kernel's register blocks. */
  private static final int USER_BLOCK = 16;

  private final KernelPath kernels;
  private int[] positiveRank = new int[0];
  private int[] negativeRank = new int[0];
  /** Pairs grouped by user slot: pairs[start[s] .. start[s + 1]) are those of unique user s. */
  private int[] start = new int[0];
  private int[] pairs = new int[0];
  private float[][] buffers = new float[0][];

  /** Ranks scored on the active kernel path. */
  CatalogueRanks() {
    this(Kernels.path());
  }

  /** Ranks scored on {@code kernels} (tests compare the paths). */
  CatalogueRanks(KernelPath kernels) {
    this.kernels = kernels;
  }

  /** Rank of pair b's positive; valid after {@link #compute}. */
  int positive(int b) {
    return positiveRank[b];
  }

  /** Rank of pair b's k-th negative, at b * N + k. */
  int negative(int cell) {
    return negativeRank[cell];
  }

  void compute(Batch batch) {
    int size = batch.size();
    int negatives = batch.negatives();
    if (positiveRank.length < size) {
      positiveRank = new int[size];
      pairs = new int[size];
    }
    if (negativeRank.length < size * negatives) {
      negativeRank = new int[size * negatives];
    }
    groupPairsByUser(batch);
    int users = batch.numUniqueUsers();
    int blocks = (users + USER_BLOCK - 1) / USER_BLOCK;
    int chunks = batch.parallel().threads();
    if (buffers.length < chunks) {
      buffers = new float[chunks][];
    }
    batch.parallel().forRange(blocks, chunks, (chunk, from, to) -> {
      int numItems = batch.itemTable().rows();
      int dim = batch.dim();
      int length = USER_BLOCK * (numItems + dim);
      if (buffers[chunk] == null || buffers[chunk].length < length) {
        buffers[chunk] = new float[length];
      }
      for (int block = from; block < to; block++) {
        rankBlock(batch, block * USER_BLOCK, Math.min(users, (block + 1) * USER_BLOCK), buffers[chunk]);
      }
    });
  }

  /** Counting sort of the pairs by their user's slot. */
  private void groupPairsByUser(Batch batch) {
    int users = batch.numUniqueUsers();
    if (start.length < users + 1) {
      start = new int[users + 1];
    }
    java.util.Arrays.fill(start, 0, users + 1, 0);
    for (int b = 0; b < batch.size(); b++) {
      start[batch.userRow()[b] + 1]++;
    }
    for (int s = 0; s < users; s++) {
      start[s + 1] += start[s];
    }
    int[] next = java.util.Arrays.copyOf(start, users);
    for (int b = 0; b < batch.size(); b++) {
      pairs[next[batch.userRow()[b]]++] = b;
    }
  }

  private void rankBlock(Batch batch, int first, int last, float[] buffer) {
    int numItems = batch.itemTable().rows();
    int dim = batch.dim();
    int negatives = batch.negatives();
    int rowsAt = USER_BLOCK * numItems;
    float[] userTable = batch.userTable().data();
    for (int s = first; s < last; s++) {
      System.arraycopy(userTable, batch.uniqueUserIds()[s] * dim, buffer, rowsAt + (s - first) * dim, dim);
    }
    kernels.gemmNT(buffer, rowsAt, last - first, batch.itemTable().data(), 0, numItems, dim, buffer, 0, numItems);
    for (int s = first; s < last; s++) {
      int row = (s - first) * numItems;
      for (int p = start[s]; p < start[s + 1]; p++) {
        int b = pairs[p];
        positiveRank[b] = rank(buffer, row, numItems, buffer[row + batch.positiveIds()[b]]);
        for (int k = 0; k < negatives; k++) {
          int cell = b * negatives + k;
          negativeRank[cell] = rank(buffer, row, numItems, buffer[row + batch.negativeIds()[cell]]);
        }
      }
    }
  }

  private static int rank(float[] scores, int row, int numItems, float score) {
    int above = 0;
    for (int t = row; t < row + numItems; t++) {
      if (scores[t] > score) {
        above++;
      }
    }
    return 1 + above;
  }
}
