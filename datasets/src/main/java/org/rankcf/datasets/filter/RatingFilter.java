package org.rankcf.datasets.filter;

import java.util.EnumMap;
import java.util.Map;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;
import org.rankcf.framework.util.ConfigException;

/** Keeps the pairs whose rating (or weight) is at least a threshold, in every part. */
public final class RatingFilter {
  private RatingFilter() {}

  public static PairData apply(PairData data, double threshold) {
    if (!data.hasRatings()) {
      throw new ConfigException("rating-threshold", data.name() + " has no rating or weight column");
    }
    Map<Part, PairTable> parts = new EnumMap<>(Part.class);
    data.parts().forEach((part, table) -> {
      boolean[] keep = new boolean[table.size()];
      for (int p = 0; p < keep.length; p++) {
        keep[p] = table.rating(p) >= threshold;
      }
      parts.put(part, table.select(keep));
    });
    return data.withParts(parts);
  }
}
