package org.rankcf.losses;

import java.util.Arrays;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.spi.Model;

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
  private float[] rowBeta = new float[0];
  private double[] itemNorms = new double[0];
  private boolean updating;

  UserQuantile(Interactions train, int k, int interval) {
    this.k = k;
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

  /** In an update epoch, the rows' new estimates from the updated model, written in row order. */
  void afterStep(Batch batch, Model model) {
    if (!updating) {
      return;
    }
    int size = batch.size();
    if (rowBeta.length < size) {
      rowBeta = new float[size];
    }
    itemNorms(model);
    batch.parallel().forRange(size, 8 * batch.parallel().threads(), (chunk, from, to) -> {
      float[] scores = new float[0];
      float[] top = new float[k];
      for (int b = from; b < to; b++) {
        int user = batch.userIds()[b];
        int count = truncatedLength(user) + batch.negatives();
        if (scores.length < count) {
          scores = new float[count];
        }
        rowBeta[b] = kthLargest(rowScores(batch, model, b, user, scores), count, k, top);
      }
    });
    for (int b = 0; b < size; b++) {
      beta[batch.userIds()[b]] = rowBeta[b];
    }
  }

  /** Cosines of the row's user with P~_u, then with the row's negatives, into {@code scores}. */
  private float[] rowScores(Batch batch, Model model, int b, int user, float[] scores) {
    float[] users = model.users().data();
    float[] items = model.items().data();
    int dim = model.dim();
    double userNorm = norm(users, user * dim, dim);
    int n = 0;
    for (int t = truncatedPtr[user]; t < truncatedPtr[user + 1]; t++) {
      scores[n++] = cosine(users, user * dim, userNorm, items, truncatedItems[t], dim);
    }
    for (int j = 0; j < batch.negatives(); j++) {
      scores[n++] = cosine(users, user * dim, userNorm, items, batch.negativeIds()[b * batch.negatives() + j], dim);
    }
    return scores;
  }

  /** The norms of the updated item rows, once per step rather than once per (row, item) cosine. */
  private void itemNorms(Model model) {
    float[] items = model.items().data();
    int dim = model.dim();
    int rows = model.items().rows();
    if (itemNorms.length < rows) {
      itemNorms = new double[rows];
    }
    for (int i = 0; i < rows; i++) {
      itemNorms[i] = norm(items, i * dim, dim);
    }
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

  private float cosine(float[] users, int user, double userNorm, float[] items, int item, int dim) {
    double dot = Kernels.path().dot(users, user, items, item * dim, dim);
    return (float) (dot / (userNorm * itemNorms[item]));
  }

  /** The norm with {@link UnitRows}' floor, as the loss's cosines have it. */
  private static double norm(float[] x, int from, int dim) {
    return Math.max(Math.sqrt(Kernels.path().dot(x, from, x, from, dim)), UnitRows.MIN_NORM);
  }
}
