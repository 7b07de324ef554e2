package org.rankcf.framework.sampler;

import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.spi.Sampler;

/**
 * Base of the samplers: draws each negative by {@link #draw}, optionally redrawing the user's own items. Not
 * for concurrent use (the trainer samples on one thread).
 */
abstract class RejectingSampler implements Sampler {
  private final Interactions train;
  private final boolean reject;
  /** The current row's user's train items, marked while its negatives are drawn (see {@link #marks}). */
  private final boolean[] owned;

  RejectingSampler(Interactions train, SamplerConfig config) {
    this.train = train;
    this.reject = config.rejectPositives();
    this.owned = reject ? new boolean[train.numItems()] : new boolean[0];
  }

  /** Called once per batch before the draws. */
  void prepare(int[] positives, int size) {}

  /** One negative item. */
  abstract int draw(SplittableRandom random);

  @Override
  public final void sample(int[] users, int[] positives, int size, int negatives, int[] out, SplittableRandom random) {
    prepare(positives, size);
    for (int b = 0; b < size; b++) {
      int user = users[b];
      boolean marked = reject && marks(user, negatives);
      if (marked) {
        train.markItems(user, owned, true);
      }
      for (int k = 0; k < negatives; k++) {
        int item = draw(random);
        for (int tries = 0; reject && tries < SamplerConfig.MAX_REDRAWS && owns(user, item, marked); tries++) {
          item = draw(random);
        }
        out[b * negatives + k] = item;
      }
      if (marked) {
        train.markItems(user, owned, false);
      }
    }
  }

  /**
   * Whether to test the row's draws against marks rather than by binary search in the user's sorted items:
   * the same answers, so the same draws; marking costs two passes over the user's items, a binary search
   * about log2(degree) unpredictable branches per draw (with 1,000 negatives it was most of a Health epoch).
   */
  private boolean marks(int user, int negatives) {
    return train.userDegree(user) <= 4L * negatives;
  }

  private boolean owns(int user, int item, boolean marked) {
    return marked ? owned[item] : train.contains(user, item);
  }
}
