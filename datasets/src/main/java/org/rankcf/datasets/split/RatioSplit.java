package org.rankcf.datasets.split;

import java.util.SplittableRandom;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.PairData;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;

/**
 * Per-user random split: each user's distinct items (over all files) are shuffled and cut into
 * train/validation/test shares. Test and validation take floor(degree * share) items; a share that rounds
 * to nothing still gets one item while the user keeps more than one train item (test first), as RecBole
 * does, so small users are evaluated too. Users are visited in id order with one random stream.
 */
final class RatioSplit implements Splitter {
  @Override
  public SplitData split(PairData data, DatasetSpec spec) {
    Interactions all = data.merged();
    int[] ptr = all.userPtr();
    byte[] labels = new byte[all.size()];
    int[] positions = new int[all.size()];
    SplittableRandom random = new SplittableRandom(spec.seed());
    for (int u = 0; u < all.numUsers(); u++) {
      int from = ptr[u];
      int degree = ptr[u + 1] - from;
      int test = share(degree, spec.testFraction(), degree);
      int validation = share(degree, spec.validationFraction(), degree - test);
      for (int k = 0; k < degree; k++) {
        positions[from + k] = from + k;
      }
      PairLabels.shuffle(positions, from, from + degree, random);
      int train = degree - validation - test;
      for (int k = 0; k < degree; k++) {
        labels[positions[from + k]] =
            k < train ? PairLabels.TRAIN : k < train + validation ? PairLabels.VALIDATION : PairLabels.TEST;
      }
    }
    String protocol = "ratio(seed=" + spec.seed() + "," + spec.fractions() + ")";
    return PairLabels.toSplit(data, protocol, all, labels);
  }

  /** floor(degree * fraction), raised to 1 when the exact share is in (0, 1) and more than one is left. */
  private static int share(int degree, double fraction, int left) {
    int count = PairLabels.count(degree, fraction);
    return count == 0 && fraction > 0 && left > 1 ? 1 : count;
  }
}
