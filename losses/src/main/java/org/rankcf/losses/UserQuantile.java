package org.rankcf.losses;

import java.util.Arrays;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.kernels.SampledRows;
import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.util.Parallel;

/**
 * SL@K's per-user estimate beta_u of the K-th largest cosine score (LOSSES.md L6), initially 0. In an update
 * epoch e ((e + 1) mod T = 0), after each optimiser step and from the updated embeddings, each training row r
 * sets beta of its user to the K-th largest of {c(u_r, i) : i in P~_u} with the row's N negatives' cosines;
 * later rows (and batches) overwrite earlier ones. P~_u is the user's training items by ascending id, cut
 * to the first M, M = floor of the 90th percentile of the users' training-list lengths (linear
 * interpolation, as numpy's default). Outside update epochs beta is frozen.
 */
final class UserQuantile {
  private final int k;
  private final int interval;
  private final float[] beta;
  private final int[] truncatedPtr;
  private final int[] truncatedItems;
  private final KernelPath kernels;
  private final int[] seenInStep;
  private int stamp;
  private int[] lastRows = new int[0];
  private double[] itemNorms = new double[0];
  private boolean updating;

  UserQuantile(Interactions train, int k, int interval) {
    this(train, k, interval, Kernels.path());
  }

  /** With the given kernel path for the cosines (tests compare the paths). */
  UserQuantile(Interactions train, int k, int interval, KernelPath kernels) {
    this.k = k;
    this.kernels = kernels;
    this.seenInStep = new int[train.numUsers()];
    this.interval = interval;
    this.beta = new float[train.numUsers()];
    int kept = (int) Math.floor(percentile90(train));
    truncatedPtr = new int[train.numUsers() + 1];
    for (int u = 0; u < train.numUsers(); u++) {
      truncatedPtr[u + 1] = truncatedPtr[u] + Math.min(kept, train.userDegree(u));
    }
    truncatedItems = new int[truncatedPtr[train.numUsers()]];
    for (int u = 0; u < train.numUsers(); u++) {
      int[] items = Arrays.copyOfRange(train.userItems(), train.userPtr()[u], train.userPtr()[u + 1]);
      Arrays.sort(items);
      System.arraycopy(items, 0, truncatedItems, truncatedPtr[u], truncatedPtr[u + 1] - truncatedPtr[u]);
    }
  }

  /** The 90th percentile of the users' training-list lengths, interpolated linearly between order statistics. */
  static double percentile90(Interactions train) {
    int[] degrees = new int[train.numUsers()];
    for (int u = 0; u < degrees.length; u++) {
      degrees[u] = train.userDegree(u);
    }
    Arrays.sort(degrees);
    double position = 0.9 * (degrees.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, degrees.length - 1);
    return degrees[below] + (position - below) * (degrees[above] - degrees[below]);
  }

  /** beta_u. */
  float beta(int user) {
    return beta[user];
  }

  float[] betas() {
    return beta;
  }

  /** The first M training items of the user, the start of P~_u in {@link #truncatedItems()}. */
  int truncatedLength(int user) {
    return truncatedPtr[user + 1] - truncatedPtr[user];
  }

  void startEpoch(int epoch) {
    updating = (epoch + 1) % interval == 0;
  }

  /**
   * In an update epoch, the rows' new estimates from the updated model, written in row order: only the last row
   * of each user in the batch decides its beta, so only those rows are scored, each on its own (a user's value
   * depends on that row alone, whatever the thread count).
   */
  void afterStep(Batch batch, Model model) {
    if (!updating) {
      return;
    }
    int count = lastRowsOfUsers(batch);
    itemNorms(model, batch.parallel());
    batch.parallel().forRange(count, 8 * batch.parallel().threads(), (chunk, from, to) -> {
      float[] scores = new float[0];
      float[] top = new float[k];
      for (int r = from; r < to; r++) {
        int b = lastRows[r];
        int user = batch.userIds()[b];
        int length = truncatedLength(user) + batch.negatives();
        if (scores.length < length) {
          scores = new float[length];
        }
        beta[user] = kthLargest(rowScores(batch, model, b, user, scores), length, k, top);
      }
    });
  }

  /** Fills {@link #lastRows} with the batch rows after which the row's user does not occur again; their count. */
  private int lastRowsOfUsers(Batch batch) {
    int size = batch.size();
    if (lastRows.length < size) {
      lastRows = new int[size];
    }
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(seenInStep, 0);
      stamp = 1;
    }
    int count = 0;
    for (int b = size - 1; b >= 0; b--) {
      int user = batch.userIds()[b];
      if (seenInStep[user] != stamp) {
        seenInStep[user] = stamp;
        lastRows[count++] = b;
      }
    }
    return count;
  }

  /** Cosines of the row's user with P~_u, then with the row's negatives, into {@code scores}. */
  private float[] rowScores(Batch batch, Model model, int b, int user, float[] scores) {
    float[] users = model.users().data();
    float[] items = model.items().data();
    int dim = model.dim();
    int kept = truncatedLength(user);
    int negatives = batch.negatives();
    SampledRows rows = kernels.sampledRows();
    rows.gatherDots(users, user * dim, items, truncatedItems, truncatedPtr[user], kept, dim, scores, 0);
    rows.gatherDots(users, user * dim, items, batch.negativeIds(), b * negatives, negatives, dim, scores, kept);
    double userNorm = norm(kernels, users, user * dim, dim);
    for (int n = 0; n < kept; n++) {
      scores[n] = (float) (scores[n] / (userNorm * itemNorms[truncatedItems[truncatedPtr[user] + n]]));
    }
    for (int j = 0; j < negatives; j++) {
      int item = batch.negativeIds()[b * negatives + j];
      scores[kept + j] = (float) (scores[kept + j] / (userNorm * itemNorms[item]));
    }
    return scores;
  }

  /** The norms of the updated item rows, once per step rather than once per (row, item) cosine. */
  private void itemNorms(Model model, Parallel parallel) {
    float[] items = model.items().data();
    int dim = model.dim();
    int rows = model.items().rows();
    if (itemNorms.length < rows) {
      itemNorms = new double[rows];
    }
    parallel.forRange(rows, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        itemNorms[i] = norm(kernels, items, i * dim, dim);
      }
    });
  }

  /**
   * The K-th largest of {@code scores[0, count)} (the smallest if count &lt; K), in {@link Float#compare}'s
   * order, as sorting would give it, kept in a sorted buffer of the K largest so far: O(count) for a row whose
   * few high scores arrive early, instead of a sort of all M + N.
   */
  static float kthLargest(float[] scores, int count, int k, float[] top) {
    if (count <= k) {
      float min = scores[0];
      for (int n = 1; n < count; n++) {
        min = Float.compare(scores[n], min) < 0 ? scores[n] : min;
      }
      return min;
    }
    // top[0] is the smallest of the K kept; insertion keeps top ascending
    System.arraycopy(scores, 0, top, 0, k);
    Arrays.sort(top);
    for (int n = k; n < count; n++) {
      float score = scores[n];
      if (Float.compare(score, top[0]) <= 0) {
        continue;
      }
      int at = 0;
      while (at + 1 < k && Float.compare(top[at + 1], score) < 0) {
        top[at] = top[at + 1];
        at++;
      }
      top[at] = score;
    }
    return top[0];
  }

  /** The norm with {@link UnitRows}' floor, as the loss's cosines have it. */
  private static double norm(KernelPath kernels, float[] x, int from, int dim) {
    return Math.max(Math.sqrt(kernels.dot(x, from, x, from, dim)), UnitRows.MIN_NORM);
  }
}
