package org.rankcf.framework.sampler;

import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.spi.Sampler;
import org.rankcf.framework.util.ConfigException;

/**
 * N distinct negatives per pair, uniform over the items outside the user's train items (over all items
 * without {@code reject-positives}): sampling without replacement, as IR-Benchmark's first code did
 * (LOSSES.md §P4). Each pair's draws are a partial Fisher-Yates shuffle of the catalogue in which a train
 * item that comes up is moved out of reach instead of drawn; the swaps are then undone, so every pair starts
 * from the same catalogue order and its draws depend on the random stream alone (a resumed run draws alike).
 * Cost per pair: O(N + the user's train items), whatever the catalogue size.
 */
public final class DistinctUniformSampler implements Sampler {
  private final Interactions train;
  private final boolean reject;
  private final int numItems;
  /** Taken once, as in {@link UniformSampler}. */
  private final double logProbability;
  /** A permutation of the items; the identity between pairs. */
  private final int[] pool;
  private final boolean[] excluded;
  /** The most train items of a user when they are excluded, else 0: bounds the swaps that move them away. */
  private final int maxExcluded;
  /** The positions of each swap of the current pair, two per swap, for the undo. */
  private int[] swaps = new int[0];

  public DistinctUniformSampler(Interactions train, SamplerConfig config) {
    this.train = train;
    this.reject = config.rejectPositives();
    this.numItems = train.numItems();
    this.logProbability = -Math.log(numItems);
    this.pool = new int[numItems];
    for (int i = 0; i < numItems; i++) {
      pool[i] = i;
    }
    this.excluded = new boolean[numItems];
    this.maxExcluded = reject ? maxDegree(train) : 0;
    int room = numItems - maxExcluded;
    if (config.negatives() > room) {
      throw new ConfigException("train.sampler.negatives", config.negatives() + " distinct negatives per pair need as "
          + "many candidate items, but " + (reject ? "the user with the most train items leaves " + room + " of "
          + numItems : "the catalogue has " + numItems) + "; draw with replacement or fewer negatives");
    }
  }

  private static int maxDegree(Interactions train) {
    int max = 0;
    for (int u = 0; u < train.numUsers(); u++) {
      max = Math.max(max, train.userDegree(u));
    }
    return max;
  }

  @Override
  public void sample(int[] users, int[] positives, int size, int negatives, int[] out, SplittableRandom random) {
    if (negatives > numItems - maxExcluded) {
      throw new IllegalArgumentException(negatives + " distinct negatives out of " + (numItems - maxExcluded)
          + " candidates");
    }
    if (swaps.length < 2 * (negatives + maxExcluded)) {
      swaps = new int[2 * (negatives + maxExcluded)];
    }
    for (int b = 0; b < size; b++) {
      int user = users[b];
      setExcluded(user, true);
      int swapped = 0;
      int end = numItems;
      for (int k = 0; k < negatives; k++) {
        while (true) {
          int j = k + random.nextInt(end - k);
          if (excluded[pool[j]]) {
            swapped = swap(j, --end, swapped);
          } else {
            swapped = swap(k, j, swapped);
            break;
          }
        }
        out[b * negatives + k] = pool[k];
      }
      for (int s = swapped - 2; s >= 0; s -= 2) {
        swapPositions(swaps[s], swaps[s + 1]);
      }
      setExcluded(user, false);
    }
  }

  private int swap(int a, int b, int swapped) {
    swapPositions(a, b);
    swaps[swapped] = a;
    swaps[swapped + 1] = b;
    return swapped + 2;
  }

  private void swapPositions(int a, int b) {
    int t = pool[a];
    pool[a] = pool[b];
    pool[b] = t;
  }

  private void setExcluded(int user, boolean value) {
    if (!reject) {
      return;
    }
    train.markItems(user, excluded, value);
  }

  /** Uniform over the catalogue, as {@link UniformSampler} reports it: a constant, so logQ shifts all alike. */
  @Override
  public double logProbability(int item) {
    return logProbability;
  }
}
