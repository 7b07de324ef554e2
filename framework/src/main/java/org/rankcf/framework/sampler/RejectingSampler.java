package org.rankcf.framework.sampler;

import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.spi.Sampler;

/** Base of the samplers: draws each negative by {@link #draw}, optionally redrawing the user's own items. */
abstract class RejectingSampler implements Sampler {
  private final Interactions train;
  private final boolean reject;

  RejectingSampler(Interactions train, SamplerConfig config) {
    this.train = train;
    this.reject = config.rejectPositives();
  }

  /** Called once per batch before the draws. */
  void prepare(int[] positives, int size) {}

  /** One negative item. */
  abstract int draw(SplittableRandom random);

  @Override
  public final void sample(int[] users, int[] positives, int size, int negatives, int[] out, SplittableRandom random) {
    prepare(positives, size);
    for (int b = 0; b < size; b++) {
      for (int k = 0; k < negatives; k++) {
        int item = draw(random);
        for (int tries = 0; reject && tries < SamplerConfig.MAX_REDRAWS && train.contains(users[b], item); tries++) {
          item = draw(random);
        }
        out[b * negatives + k] = item;
      }
    }
  }
}
