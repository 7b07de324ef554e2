package org.rankcf.framework.sampler;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;

/** Negatives uniform over the unique positive items of the batch (what the paper's code does for MF). */
public final class BatchPositivesSampler extends RejectingSampler {
  private final boolean[] seen;
  private int[] pool = new int[0];
  private int poolSize;

  public BatchPositivesSampler(Interactions train, SamplerConfig config) {
    super(train, config);
    this.seen = new boolean[train.numItems()];
  }

  @Override
  void prepare(int[] positives, int size) {
    if (pool.length < size) {
      pool = new int[size];
    }
    poolSize = 0;
    for (int b = 0; b < size; b++) {
      int item = positives[b];
      if (!seen[item]) {
        seen[item] = true;
        pool[poolSize++] = item;
      }
    }
    for (int r = 0; r < poolSize; r++) {
      seen[pool[r]] = false;
    }
    // first-sight order depends on the batch order; sort so the pool is a set
    Arrays.sort(pool, 0, poolSize);
  }

  @Override
  int draw(SplittableRandom random) {
    return pool[random.nextInt(poolSize)];
  }

  @Override
  public double logProbability(int item) {
    return -Math.log(poolSize);
  }
}
