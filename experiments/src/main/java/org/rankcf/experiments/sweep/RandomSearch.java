package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sweep's random search: {@code runs} draws of every distribution axis from one seeded generator. The
 * draws depend on the seed, the budget and the axes alone, so the same file always plans the same runs.
 *
 * @param axes the distribution axes in file order
 */
public record RandomSearch(int runs, long seed, Map<String, AxisDistribution> axes) {
  /** The drawn configurations, each a value per axis in file order. */
  public List<Map<String, JsonNode>> draws() {
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<String, JsonNode>> draws = new ArrayList<>();
    for (int d = 0; d < runs; d++) {
      Map<String, JsonNode> draw = new LinkedHashMap<>();
      axes.forEach((key, distribution) -> draw.put(key, distribution.draw(random)));
      draws.add(draw);
    }
    return draws;
  }
}
