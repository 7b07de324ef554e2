package org.rankcf.datasets.split;

import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.PairData;
import org.rankcf.framework.data.SplitData;

/**
 * A data protocol: turns a data set into train, validation and test pairs. Deterministic in the data, the
 * spec's split settings and its seed.
 */
public interface Splitter {
  SplitData split(PairData data, DatasetSpec spec);
}
