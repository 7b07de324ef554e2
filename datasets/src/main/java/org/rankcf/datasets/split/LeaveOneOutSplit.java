package org.rankcf.datasets.split;

import java.util.SplittableRandom;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.PairData;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;

/**
 * Leave-one-out: every user with at least 3 distinct items gives one item to test and one to validation;
 * all other pairs train. With timestamps, test is the user's latest item and validation the one before
 * (ordered by time, then item id); without, both are drawn at random (users in id order, one stream).
 */
final class LeaveOneOutSplit implements Splitter {
  static final int MIN_ITEMS = 3;

  @Override
  public SplitData split(PairData data, DatasetSpec spec) {
    Interactions all = data.merged();
    boolean byTime = data.hasTimestamps();
    double[] times = byTime ? data.latestTimestamps(all) : null;
    SplittableRandom random = new SplittableRandom(spec.seed());
    int[] ptr = all.userPtr();
    byte[] labels = new byte[all.size()];
    for (int u = 0; u < all.numUsers(); u++) {
      int from = ptr[u];
      int degree = ptr[u + 1] - from;
      if (degree < MIN_ITEMS) {
        continue;
      }
      int last;
      int beforeLast;
      if (byTime) {
        last = -1;
        beforeLast = -1;
        // items rise along the row, so ">=" lets the larger item id win a tie in time
        for (int p = from; p < from + degree; p++) {
          if (last < 0 || times[p] >= times[last]) {
            beforeLast = last;
            last = p;
          } else if (beforeLast < 0 || times[p] >= times[beforeLast]) {
            beforeLast = p;
          }
        }
      } else {
        int a = random.nextInt(degree);
        int b = random.nextInt(degree - 1);
        last = from + a;
        beforeLast = from + (b >= a ? b + 1 : b);
      }
      labels[last] = PairLabels.TEST;
      labels[beforeLast] = PairLabels.VALIDATION;
    }
    String protocol = byTime ? "leave-one-out(by=time)" : "leave-one-out(seed=" + spec.seed() + ")";
    return PairLabels.toSplit(data, protocol, all, labels);
  }
}
