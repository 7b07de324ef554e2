package org.rankcf.framework.kernels;

import java.util.Objects;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Full ranking of all items for a list of users by raw dot product, fused with the top-K selection so no
 * score matrix is materialised. The item table is packed once per call into panels (see {@link Panels});
 * blocks of 64 users are spread over the threads, and for each L2-sized run of panels the users go four at
 * a time through the path's {@link TileScorer}. A tile row is compared with the user's current K-th best
 * score before any scalar work, so almost all items cost only their FMAs. Ties go to the lower item id,
 * masked items are never returned, NaN scores rank as -infinity. Each user's list depends only on its own
 * scores, so the output is the same for any thread count and either kernel path.
 */
public final class FullRanker {
  private static final int USER_BLOCK = 64;
  /** Floats of packed items swept per user block: about 192 KB, resident in a 512 KB L2. */
  private static final int ITEM_BLOCK_FLOATS = 48 * 1024;

  private final TileScorer scorer;
  private final Parallel parallel;

  public FullRanker(TileScorer scorer, Parallel parallel) {
    this.scorer = Objects.requireNonNull(scorer);
    this.parallel = Objects.requireNonNull(parallel);
  }

  /** A ranker on the active kernel path. */
  public static FullRanker onActivePath(Parallel parallel) {
    return new FullRanker(Kernels.path().tileScorer(), parallel);
  }

  /**
   * The top-k items of each listed user over all rows of {@code items}, excluding the items of every
   * mask (each mask covers all rows of {@code users}).
   */
  public TopKLists rank(EmbeddingTable users, EmbeddingTable items, int[] userIds, int k, ItemMask... masks) {
    validate(users, items, userIds, k, masks);
    int dim = users.dim();
    int numItems = items.rows();
    int width = scorer.panelWidth();
    float[] packed = new float[Panels.size(numItems, dim, width)];
    Panels.pack(items.data(), 0, numItems, dim, width, packed);
    int[] outItems = new int[userIds.length * k];
    float[] outScores = new float[userIds.length * k];
    int blocks = (userIds.length + USER_BLOCK - 1) / USER_BLOCK;
    parallel.forRange(blocks, (chunk, from, to) -> {
      Sweep sweep = new Sweep(users, packed, numItems, k, masks);
      for (int b = from; b < to; b++) {
        int first = b * USER_BLOCK;
        sweep.run(userIds, first, Math.min(userIds.length, first + USER_BLOCK), outItems, outScores);
      }
    });
    return new TopKLists(k, userIds.clone(), outItems, outScores);
  }

  private static void validate(EmbeddingTable users, EmbeddingTable items, int[] userIds, int k, ItemMask[] masks) {
    if (users.dim() != items.dim()) {
      throw new IllegalArgumentException("user dim " + users.dim() + " != item dim " + items.dim());
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1 (got " + k + ")");
    }
    for (int user : userIds) {
      if (user < 0 || user >= users.rows()) {
        throw new IllegalArgumentException("user " + user + " outside [0, " + users.rows() + ")");
      }
    }
    for (ItemMask mask : masks) {
      if (mask.users() != users.rows()) {
        throw new IllegalArgumentException("mask covers " + mask.users() + " users, table has " + users.rows());
      }
    }
  }

  /** One thread's working set: the top-K state and user rows of one block, and a tile of scores. */
  private final class Sweep {
    private final EmbeddingTable users;
    private final float[] packed;
    private final int numItems;
    private final int k;
    private final int dim;
    private final int width;
    private final TopKCollector collector;
    private final float[] rows;
    private final float[] tile;

    Sweep(EmbeddingTable users, float[] packed, int numItems, int k, ItemMask[] masks) {
      this.users = users;
      this.packed = packed;
      this.numItems = numItems;
      this.k = k;
      this.dim = users.dim();
      this.width = scorer.panelWidth();
      this.collector = new TopKCollector(USER_BLOCK, k, masks);
      this.rows = new float[USER_BLOCK * dim];
      this.tile = new float[4 * width];
    }

    void run(int[] userIds, int first, int last, int[] outItems, float[] outScores) {
      int count = last - first;
      for (int s = 0; s < count; s++) {
        collector.reset(s, userIds[first + s]);
        System.arraycopy(users.data(), userIds[first + s] * dim, rows, s * dim, dim);
      }
      int panels = Panels.count(numItems, width);
      int block = Math.max(1, ITEM_BLOCK_FLOATS / (width * Math.max(1, dim)));
      for (int p0 = 0; p0 < panels; p0 += block) {
        int p1 = Math.min(panels, p0 + block);
        for (int s0 = 0; s0 < count; s0 += 4) {
          int group = Math.min(4, count - s0);
          for (int p = p0; p < p1; p++) {
            scorer.scoreTile(rows, s0 * dim, group, dim, packed, p * width * dim, tile, 0, width);
            int firstItem = p * width;
            int valid = Math.min(width, numItems - firstItem);
            for (int r = 0; r < group; r++) {
              collect(s0 + r, firstItem, r * width, valid);
            }
          }
        }
      }
      for (int s = 0; s < count; s++) {
        collector.writeSorted(s, outItems, outScores, (first + s) * k);
      }
    }

    /** Feeds one tile row to a slot: all of it while the heap fills, then only what beats the threshold. */
    private void collect(int slot, int firstItem, int off, int valid) {
      if (!collector.full(slot)) {
        for (int j = 0; j < valid; j++) {
          collector.offer(slot, firstItem + j, tile[off + j]);
        }
      } else if (scorer.anyAbove(tile, off, collector.threshold(slot))) {
        for (int j = 0; j < valid; j++) {
          if (tile[off + j] > collector.threshold(slot)) {
            collector.offer(slot, firstItem + j, tile[off + j]);
          }
        }
      }
    }
  }
}
