package org.rankcf.datasets.split;

import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.IndexSort;
import org.rankcf.datasets.PairData;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.ConfigException;

/**
 * Global temporal split: all distinct pairs ordered by time (a pair's latest timestamp; ties in (user,
 * item) order), the earliest train share to train, the next share to validation, the latest to test, so
 * the cuts fall at global timestamp quantiles.
 */
final class TemporalSplit implements Splitter {
  @Override
  public SplitData split(PairData data, DatasetSpec spec) {
    if (!data.hasTimestamps()) {
      throw new ConfigException("split", "'temporal' needs timestamps; " + data.name() + " has none");
    }
    Interactions all = data.merged();
    double[] times = data.latestTimestamps(all);
    int n = all.size();
    int[] order = IndexSort.stableOrder(n, (a, b) -> Double.compare(times[a], times[b]));
    byte[] labels = PairLabels.byOrder(order, PairLabels.count(n, spec.trainFraction()),
        PairLabels.count(n, spec.validationFraction()));
    String protocol = "temporal(" + spec.fractions() + ")";
    return PairLabels.toSplit(data, protocol, all, labels);
  }
}
