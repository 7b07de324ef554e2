package org.rankcf.datasets.split;

import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.Part;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.ConfigException;

/**
 * The data set's own train and test files. Its validation file when it has one; otherwise, when
 * {@code validation} is above 0, a seeded random share of the (distinct) train pairs moved to validation:
 * of all pairs ({@code carve: pairs}) or of each user's ({@code carve: per-user}, {@link PerUserCarve}).
 */
final class GivenSplit implements Splitter {
  @Override
  public SplitData split(PairData data, DatasetSpec spec) {
    if (!data.has(Part.TRAIN) || !data.has(Part.TEST)) {
      throw new ConfigException("split", "'given' needs a data set with its own train and test files; "
          + data.name() + " is one file: use paper, ratio, leave-one-out or temporal");
    }
    Interactions train = data.interactions(Part.TRAIN);
    Interactions test = data.interactions(Part.TEST);
    if (data.has(Part.VALIDATION)) {
      return new SplitData(data.name(), "given(validation=file)", train, data.interactions(Part.VALIDATION),
          test, data.users(), data.items());
    }
    if (spec.validation() == 0) {
      return new SplitData(data.name(), "given", train, Interactions.empty(data.numUsers(), data.numItems()),
          test, data.users(), data.items());
    }
    if (spec.carvesPerUser()) {
      Interactions[] cut = PairLabels.cut(train, PerUserCarve.labels(train, spec.validation(), spec.seed()));
      String protocol = "given(seed=" + spec.seed() + ",validation=" + DatasetSpec.plain(spec.validation())
          + ",carve=per-user)";
      return new SplitData(data.name(), protocol, cut[0], cut[1], test, data.users(), data.items());
    }
    int n = train.size();
    int validationCount = PairLabels.count(n, spec.validation());
    byte[] labels = PairLabels.byOrder(PairLabels.permutation(n, spec.seed()), n - validationCount, validationCount);
    Interactions[] cut = PairLabels.cut(train, labels);
    String protocol = "given(seed=" + spec.seed() + ",validation=" + DatasetSpec.plain(spec.validation()) + ")";
    return new SplitData(data.name(), protocol, cut[0], cut[1], test, data.users(), data.items());
  }
}
