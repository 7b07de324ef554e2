package org.rankcf.datasets.split;

import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;

/**
 * IR-Benchmark's validation carve (LOSSES.md §P2): each user u with train list P_u gives
 * max(floor(share * |P_u|), 1) of its items, drawn uniformly without replacement, to validation. A user with
 * a single train item keeps it (it would otherwise leave training altogether). Users are visited in id order
 * with one random stream, so the carve is a function of (train, share, seed): a new seed re-draws it.
 */
final class PerUserCarve {
  private PerUserCarve() {}

  /** The train/validation label of every pair of {@code train}, in its CSR order. */
  static byte[] labels(Interactions train, double share, long seed) {
    int[] ptr = train.userPtr();
    byte[] labels = new byte[train.size()];
    int[] positions = new int[train.size()];
    SplittableRandom random = new SplittableRandom(seed);
    for (int u = 0; u < train.numUsers(); u++) {
      int from = ptr[u];
      int degree = ptr[u + 1] - from;
      int carved = count(degree, share);
      if (carved == 0) {
        continue;
      }
      for (int k = 0; k < degree; k++) {
        positions[from + k] = from + k;
      }
      PairLabels.shuffle(positions, from, from + degree, random);
      for (int k = 0; k < carved; k++) {
        labels[positions[from + k]] = PairLabels.VALIDATION;
      }
    }
    return labels;
  }

  /** max(floor(share * degree), 1), and 0 for a user with fewer than two train items. */
  static int count(int degree, double share) {
    return degree < 2 ? 0 : Math.max(PairLabels.count(degree, share), 1);
  }
}
