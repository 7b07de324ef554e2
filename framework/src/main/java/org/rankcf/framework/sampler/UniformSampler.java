package org.rankcf.framework.sampler;

import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;

/** Negatives uniform over the whole catalogue (the default). */
public final class UniformSampler extends RejectingSampler {
  private final int numItems;
  /** Taken once: the trainer asks for it per negative, a million times per step with 1,000 negatives. */
  private final double logProbability;

  public UniformSampler(Interactions train, SamplerConfig config) {
    super(train, config);
    this.numItems = train.numItems();
    this.logProbability = -Math.log(numItems);
  }

  @Override
  int draw(SplittableRandom random) {
    return random.nextInt(numItems);
  }

  @Override
  public double logProbability(int item) {
    return logProbability;
  }
}
