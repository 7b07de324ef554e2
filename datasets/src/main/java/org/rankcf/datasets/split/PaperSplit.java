package org.rankcf.datasets.split;

import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.PairData;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;

/**
 * The paper's protocol: all distinct pairs of all files, in (user, item) order, permuted with the seed and
 * cut by interaction into train/validation/test shares (80/10/10 by default). Train and validation get
 * floor(n * share) pairs, test the rest.
 */
final class PaperSplit implements Splitter {
  @Override
  public SplitData split(PairData data, DatasetSpec spec) {
    Interactions all = data.merged();
    int n = all.size();
    int[] order = PairLabels.permutation(n, spec.seed());
    byte[] labels = PairLabels.byOrder(order, PairLabels.count(n, spec.trainFraction()),
        PairLabels.count(n, spec.validationFraction()));
    String protocol = "paper(seed=" + spec.seed() + "," + spec.fractions() + ")";
    return PairLabels.toSplit(data, protocol, all, labels);
  }
}
