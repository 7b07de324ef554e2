package org.rankcf.framework.kernels;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Full ranking of all items for a list of users by raw dot product, fused with the top-K selection so no
 * score matrix is materialised. The item table is packed once per call into panels (see {@link Panels});
 * blocks of 192 users are handed to the threads on demand, and for each L2-sized run of panels the users
 * go a register block at a time through the path's {@link TileScorer} into a small L1-resident block of
 * scores, which a vector scan then compares with each user's current K-th best score: almost every item
 * costs only its FMAs and one compare, and only the rare candidates reach the scalar heap. (Scoring and
 * scanning in separate tight loops measured clearly faster than testing each tile in registers.)
 *
 * <p>Ties go to the lower item id, masked items are never returned, NaN scores rank as -infinity. Each
 * user's list depends only on its own scores, so the output is the same for any thread count and either
 * kernel path.
 */
public final class FullRanker {
  private static final int USER_BLOCK = 192;
  /** Floats of packed items swept per user block: about 192 KB, resident in a 512 KB L2. */
  private static final int ITEM_BLOCK_FLOATS = 48 * 1024;
  /** Bounds the score block (rows x items, 24 KB at most) when d is small. */
  private static final int MAX_BLOCK_ITEMS = 1024;

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
    // Blocks are handed out on demand rather than in static ranges: on a shared machine a descheduled
    // worker would otherwise hold up the whole call. Each user's list depends only on its own scores, so
    // the order blocks run in cannot change the output.
    AtomicInteger nextBlock = new AtomicInteger();
    parallel.forRange(Math.min(parallel.threads(), blocks), (chunk, from, to) -> {
      Sweep sweep = new Sweep(users, packed, numItems, k, masks);
      for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
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

  /** One thread's working set: the top-K state and user rows of one block, and a block of scores. */
  private final class Sweep {
    private final EmbeddingTable users;
    private final float[] packed;
    private final int numItems;
    private final int k;
    private final int dim;
    private final int width;
    private final int panelsPerBlock;
    private final TopKCollector collector;
    private final float[] rows;
    private final float[] scores;

    Sweep(EmbeddingTable users, float[] packed, int numItems, int k, ItemMask[] masks) {
      this.users = users;
      this.packed = packed;
      this.numItems = numItems;
      this.k = k;
      this.dim = users.dim();
      this.width = scorer.panelWidth();
      this.panelsPerBlock = Math.max(1, Math.min(ITEM_BLOCK_FLOATS / (width * Math.max(1, dim)), MAX_BLOCK_ITEMS / width));
      this.collector = new TopKCollector(USER_BLOCK, k, masks);
      this.rows = new float[USER_BLOCK * dim];
      this.scores = new float[scorer.maxRows() * panelsPerBlock * width];
    }

    void run(int[] userIds, int first, int last, int[] outItems, float[] outScores) {
      int count = last - first;
      for (int s = 0; s < count; s++) {
        collector.reset(s, userIds[first + s]);
        System.arraycopy(users.data(), userIds[first + s] * dim, rows, s * dim, dim);
      }
      int panels = Panels.count(numItems, width);
      int height = scorer.maxRows();
      for (int p0 = 0; p0 < panels; p0 += panelsPerBlock) {
        int p1 = Math.min(panels, p0 + panelsPerBlock);
        int stride = (p1 - p0) * width;
        int firstItem = p0 * width;
        int valid = Math.min(stride, numItems - firstItem);
        for (int s0 = 0; s0 < count; s0 += height) {
          int group = Math.min(height, count - s0);
          for (int p = p0; p < p1; p++) {
            scorer.scoreTile(rows, s0 * dim, group, dim, packed, p * width * dim, scores, (p - p0) * width, stride);
          }
          for (int r = 0; r < group; r++) {
            collect(s0 + r, firstItem, r * stride, valid);
          }
        }
      }
      for (int s = 0; s < count; s++) {
        collector.writeSorted(s, outItems, outScores, (first + s) * k);
      }
    }

    /** Offers a slot the items of one row of the score block that pass its threshold (all while it fills). */
    private void collect(int slot, int firstItem, int off, int valid) {
      float[] thresholds = collector.thresholds();
      int end = off + valid;
      for (int i = scorer.nextAbove(scores, off, end, thresholds[slot]); i < end;
          i = scorer.nextAbove(scores, i + 1, end, thresholds[slot])) {
        collector.offer(slot, firstItem + i - off, scores[i]);
      }
    }
  }
}
