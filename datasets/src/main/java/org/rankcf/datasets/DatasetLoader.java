package org.rankcf.datasets;

import java.nio.file.Path;
import org.rankcf.datasets.filter.IdCompaction;
import org.rankcf.datasets.filter.KCoreFilter;
import org.rankcf.datasets.filter.RatingFilter;
import org.rankcf.datasets.io.DatasetFiles;
import org.rankcf.datasets.io.DatasetReader;
import org.rankcf.datasets.split.Splitters;
import org.rankcf.datasets.split.UnseenPairs;
import org.rankcf.framework.data.SplitData;

/** The entry point: a {@link DatasetSpec} in, a split data set out. */
public final class DatasetLoader {
  private DatasetLoader() {}

  /**
   * Reads, filters and splits the data set of {@code spec}; a relative path is resolved against
   * {@code root}, {@code builtin:NAME} is read from the class path.
   */
  public static SplitData load(DatasetSpec spec, Path root) {
    return UnseenPairs.apply(Splitters.named(spec.split()).split(read(spec, root), spec), spec.keepsUnseen());
  }

  /**
   * Reads the data set's files and applies the filters: rating threshold, then k-core. When a filter is on,
   * users and items left without pairs are dropped and the rest renumbered in order.
   */
  public static PairData read(DatasetSpec spec, Path root) {
    PairData data = DatasetReader.read(spec, DatasetFiles.locate(spec, root));
    boolean filtered = false;
    if (spec.ratingThreshold() != null) {
      data = RatingFilter.apply(data, spec.ratingThreshold());
      filtered = true;
    }
    if (spec.kCore() > 0) {
      data = KCoreFilter.apply(data, spec.kCore());
      filtered = true;
    }
    return filtered ? IdCompaction.apply(data) : data;
  }
}
