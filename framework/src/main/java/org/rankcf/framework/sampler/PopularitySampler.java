package org.rankcf.framework.sampler;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;

/**
 * Negatives with probability proportional to (train degree)^exponent, drawn by binary search in the
 * cumulative distribution. Items never seen in train get probability 0 (for exponent > 0).
 */
public final class PopularitySampler extends RejectingSampler {
  private final double[] cumulative;
  private final double[] logProbability;

  public PopularitySampler(Interactions train, SamplerConfig config) {
    super(train, config);
    int n = train.numItems();
    double[] weight = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      int degree = train.itemDegree(i);
      weight[i] = degree == 0 && config.exponent() > 0 ? 0 : Math.pow(degree, config.exponent());
      total += weight[i];
    }
    if (total <= 0) {
      throw new IllegalArgumentException("popularity sampler: the train set has no items");
    }
    cumulative = new double[n];
    logProbability = new double[n];
    double running = 0;
    for (int i = 0; i < n; i++) {
      running += weight[i];
      cumulative[i] = running / total;
      logProbability[i] = Math.log(weight[i] / total);
    }
    cumulative[n - 1] = 1.0;
  }

  @Override
  int draw(SplittableRandom random) {
    double u = random.nextDouble();
    int index = Arrays.binarySearch(cumulative, u);
    // binarySearch returns -(insertion point) - 1 when absent: the first cumulative value > u
    index = index >= 0 ? index + 1 : -index - 1;
    // skip zero-weight items that share the cumulative value
    while (index < cumulative.length - 1 && logProbability[index] == Double.NEGATIVE_INFINITY) {
      index++;
    }
    return Math.min(index, cumulative.length - 1);
  }

  @Override
  public double logProbability(int item) {
    return logProbability[item];
  }
}
