package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rankcf.framework.util.UserInputException;

/** Finds the warm-start / baseline pairs of a set of runs. */
public final class RunPairs {
  private RunPairs() {}

  /**
   * Pairs every warm-start run with the first run (in folder order) whose resolved config is the same once
   * the name and train.warm-start are set aside; seed, data, model and optimiser must all match.
   */
  public static List<RunPair> derive(List<RunRecord> runs) {
    // first baseline per config key, so a sweep of hundreds of runs copies each config once
    Map<JsonNode, RunRecord> baselines = new HashMap<>();
    runs.stream().filter(r -> !r.warmStart()).forEach(r -> baselines.putIfAbsent(withoutWarmStart(r.config()), r));
    List<RunPair> pairs = new ArrayList<>();
    for (RunRecord warm : runs) {
      if (warm.warmStart()) {
        Optional.ofNullable(baselines.get(withoutWarmStart(warm.config())))
            .ifPresent(baseline -> pairs.add(new RunPair(warm, baseline)));
      }
    }
    return pairs;
  }

  /** Pairs given by run label, warm-start run to baseline run. */
  public static List<RunPair> byLabel(List<RunRecord> runs, Map<String, String> warmToBaseline) {
    List<RunPair> pairs = new ArrayList<>();
    warmToBaseline.forEach((warm, baseline) -> pairs.add(new RunPair(find(runs, warm), find(runs, baseline))));
    return pairs;
  }

  private static RunRecord find(List<RunRecord> runs, String label) {
    Optional<RunRecord> run = runs.stream().filter(r -> r.label().equals(label)).findFirst();
    return run.orElseThrow(() -> new UserInputException("no run labelled '" + label + "' to pair; the runs are "
        + runs.stream().map(RunRecord::label).toList()));
  }

  private static JsonNode withoutWarmStart(JsonNode config) {
    if (!config.isObject()) {
      return config;
    }
    ObjectNode copy = ((ObjectNode) config).deepCopy();
    copy.remove("name");
    if (copy.get("train") instanceof ObjectNode train) {
      train.remove("warm-start");
    }
    return copy;
  }
}
