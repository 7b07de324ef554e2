package org.rankcf.framework.sampler;

import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;

/** Negatives uniform over the whole catalogue (the default). */
public final class UniformSampler extends RejectingSampler {
  private final int numItems;

  public UniformSampler(Interactions train, SamplerConfig config) {
    super(train, config);
    this.numItems = train.numItems();
  }

  @Override
  int draw(SplittableRandom random) {
    return random.nextInt(numItems);
  }

  @Override
  public double logProbability(int item) {
    return -Math.log(numItems);
  }
}
