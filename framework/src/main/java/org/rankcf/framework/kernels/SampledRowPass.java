package org.rankcf.framework.kernels;

import java.util.Arrays;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.util.Parallel;

/**
 * The fused pass of a sampled loss whose value is a mean over the batch's B training rows of a function of
 * each row's N + 1 scores (its positive and its N sampled negatives). Per row, while its item rows are in
 * cache: gather the item rows and take their dot products with the user row, let the loss turn the scores
 * into the row's value and d loss / d score (its log-sum-exp included), and sum the user row's gradient over
 * the same item rows. Then each item's gradient is summed over the (row, slot) pairs that picked it.
 *
 * <p>Rows run in parallel on the batch's {@link Parallel}. A row's scores, slopes and user-side sum depend on
 * that row alone, and every sum across rows (the value, a user's gradient, an item's gradient) is taken in
 * row order; so the results are the same bits for any thread count. Keeps its buffers between batches; one
 * instance per loss, not for concurrent use.
 */
public final class SampledRowPass {
  /** The loss of one training row from its scores. */
  @FunctionalInterface
  public interface RowLoss {
    /**
     * The loss of row {@code b} from {@code scores[offset]} (its positive) and {@code scores[offset + 1 + k]}
     * (its k-th negative, k &lt; count - 1); writes d loss / d score at the same positions of {@code slopes}.
     * Called concurrently for different rows.
     */
    double rowLoss(int b, float[] scores, int offset, int count, float[] slopes);
  }

  private int[] rowItems = new int[0];
  private float[] scores = new float[0];
  private float[] slopes = new float[0];
  private double[] values = new double[0];
  private float[] rowGrad = new float[0];
  private int[] itemStart = new int[0];
  /** Per chunk of pairs, per item: the chunk's count, then its next slot ({@link #groupByItem}). */
  private int[] chunkStart = new int[0];
  private int[] entryUser = new int[0];
  private float[] entrySlope = new float[0];

  /**
   * The mean row loss with scores between rows of {@code users} and {@code items} (the batch's rows or a
   * transform of them, such as the normalised rows); adds {@code weight} times its gradient into
   * {@code userGrad} and {@code itemGrad}.
   */
  public double meanLoss(Batch batch, float[] users, float[] items, float[] userGrad, float[] itemGrad,
      double weight, RowLoss loss) {
    int size = batch.size();
    int count = batch.negatives() + 1;
    int dim = batch.dim();
    reserve(size, count, dim, batch.numUniqueItems());
    Parallel parallel = batch.parallel();
    SampledRows kernel = Kernels.path().sampledRows();
    // several chunks per thread even out threads slowed by other load; a row's result does not depend on them
    parallel.forRange(size, 8 * parallel.threads(), (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        scoreRow(batch, kernel, users, items, b, loss);
      }
    });
    double sum = 0;
    for (int b = 0; b < size; b++) {
      sum += values[b];
    }
    float scale = (float) (weight / size);
    KernelPath path = Kernels.path();
    for (int b = 0; b < size; b++) {
      path.axpy(scale, rowGrad, b * dim, userGrad, batch.userRow()[b] * dim, dim);
    }
    groupByItem(batch, size * count, count);
    parallel.forRange(batch.numUniqueItems(), 8 * parallel.threads(), (chunk, from, to) -> {
      for (int j = from; j < to; j++) {
        int start = itemStart[j];
        kernel.gatherAxpy(scale, entrySlope, start, users, entryUser, start, itemStart[j + 1] - start, dim,
            itemGrad, j * dim);
      }
    });
    return sum / size;
  }

  private void scoreRow(Batch batch, SampledRows kernel, float[] users, float[] items, int b, RowLoss loss) {
    int negatives = batch.negatives();
    int count = negatives + 1;
    int dim = batch.dim();
    int offset = b * count;
    rowItems[offset] = batch.positiveRow()[b];
    System.arraycopy(batch.negativeRow(), b * negatives, rowItems, offset + 1, negatives);
    int user = batch.userRow()[b] * dim;
    kernel.gatherDots(users, user, items, rowItems, offset, count, dim, scores, offset);
    values[b] = loss.rowLoss(b, scores, offset, count, slopes);
    Arrays.fill(rowGrad, b * dim, (b + 1) * dim, 0f);
    kernel.gatherAxpy(1f, slopes, offset, items, rowItems, offset, count, dim, rowGrad, b * dim);
  }

  /**
   * Counting sort of the (row, slot) pairs by item, stable: each item's pairs stay in row order. Parallel over
   * contiguous chunks of pairs: each chunk counts its items, a chunk's pairs of item j are placed after those
   * of the chunks before it, so the order is the sequential sort's for any chunking.
   */
  private void groupByItem(Batch batch, int pairs, int count) {
    int numItems = batch.numUniqueItems();
    Parallel parallel = batch.parallel();
    int chunks = Math.max(1, Math.min(parallel.threads(), pairs));
    int stride = numItems + 1;
    if (chunkStart.length < chunks * stride) {
      chunkStart = new int[chunks * stride];
    }
    parallel.forRange(pairs, chunks, (chunk, from, to) -> {
      int base = chunk * stride;
      Arrays.fill(chunkStart, base, base + stride, 0);
      for (int e = from; e < to; e++) {
        chunkStart[base + rowItems[e]]++;
      }
    });
    // chunkStart[c][j]: where chunk c's first pair of item j goes; itemStart[j]: item j's first slot
    int next = 0;
    for (int j = 0; j < numItems; j++) {
      itemStart[j] = next;
      for (int c = 0; c < chunks; c++) {
        int n = chunkStart[c * stride + j];
        chunkStart[c * stride + j] = next;
        next += n;
      }
    }
    itemStart[numItems] = next;
    int[] userRow = batch.userRow();
    parallel.forRange(pairs, chunks, (chunk, from, to) -> {
      int base = chunk * stride;
      for (int e = from; e < to; e++) {
        int slot = chunkStart[base + rowItems[e]]++;
        entryUser[slot] = userRow[e / count];
        entrySlope[slot] = slopes[e];
      }
    });
  }

  private void reserve(int size, int count, int dim, int numItems) {
    int pairs = size * count;
    if (scores.length < pairs) {
      rowItems = new int[pairs];
      scores = new float[pairs];
      slopes = new float[pairs];
      entryUser = new int[pairs];
      entrySlope = new float[pairs];
    }
    if (values.length < size) {
      values = new double[size];
    }
    if (rowGrad.length < size * dim) {
      rowGrad = new float[size * dim];
    }
    if (itemStart.length < numItems + 1) {
      itemStart = new int[numItems + 1];
    }
  }
}
