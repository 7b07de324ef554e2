package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.framework.util.ConfigException;

/**
 * The runs of a sweep: every variant times every combination of the listed axes' values (times every draw
 * of a random search), in a fixed order.
 */
public final class SweepPlan {
  /**
   * One run of the sweep.
   *
   * @param name folder name, unique and stable across invocations (resuming finds it again)
   * @param variant the variant's name
   * @param axes this run's value of every axis, by dotted key
   * @param config the base config with the variant's and the axes' overrides applied
   */
  public record PlannedRun(int index, String name, String variant, Map<String, JsonNode> axes, ObjectNode config) {
    /** The axis values that are neither replicates nor selected over: with the variant, the run's arm. */
    public String arm(SweepSpec spec) {
      StringBuilder label = new StringBuilder(variant);
      axes.forEach((key, value) -> {
        if (!key.equals(spec.seedKey()) && !spec.selectOver().contains(key)) {
          label.append(' ').append(key).append('=').append(value.isTextual() ? value.asText() : value.toString());
        }
      });
      return label.toString();
    }
  }

  private SweepPlan() {}

  /** The most runs a sweep may plan: beyond it the plan alone would fill the heap, and no machine runs it. */
  public static final long MAX_RUNS = 100_000;

  /** The number of runs, counted without expanding them. */
  public static long count(SweepSpec spec) {
    long runs = spec.variants().size();
    for (List<JsonNode> values : spec.axes().values()) {
      runs = Math.min(runs * Math.min(values.size(), MAX_RUNS + 1), MAX_RUNS + 1); // both factors <= MAX_RUNS + 1: no overflow
    }
    if (spec.random() != null) {
      runs = Math.min(runs * Math.min(spec.random().runs(), MAX_RUNS + 1), MAX_RUNS + 1);
    }
    return runs;
  }

  public static List<PlannedRun> expand(SweepSpec spec) {
    if (count(spec) > MAX_RUNS) {
      throw new ConfigException("axes", "the grid has " + describeCount(spec) + " runs, more than the " + MAX_RUNS
          + " a sweep may plan: split it into smaller sweeps");
    }
    List<Map<String, JsonNode>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<JsonNode>> axis : spec.axes().entrySet()) {
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> partial : combinations) {
        for (JsonNode value : axis.getValue()) {
          Map<String, JsonNode> extended = new LinkedHashMap<>(partial);
          extended.put(axis.getKey(), value);
          next.add(extended);
        }
      }
      combinations = next;
    }
    if (spec.random() != null) {
      List<Map<String, JsonNode>> draws = spec.random().draws();
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> partial : combinations) {
        for (Map<String, JsonNode> draw : draws) {
          Map<String, JsonNode> extended = new LinkedHashMap<>(partial);
          extended.putAll(draw);
          next.add(extended);
        }
      }
      combinations = next;
    }
    List<PlannedRun> runs = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> variant : spec.variants().entrySet()) {
      for (Map<String, JsonNode> axes : combinations) {
        ObjectNode config = spec.base().deepCopy();
        apply(config, variant.getValue());
        axes.forEach((key, value) -> ConfigLoader.set(config, key, value));
        if (spec.halving() != null) {
          ConfigLoader.set(config, "train.epochs", IntNode.valueOf(spec.halving().maxEpochs()));
        }
        int index = runs.size();
        StringBuilder name = new StringBuilder(String.format("r%03d-%s", index, variant.getKey()));
        axes.forEach((key, value) -> name.append('-').append(shortKey(key)).append(value.isTextual() ? value.asText() : value));
        String folder = name.toString().replaceAll("[^A-Za-z0-9._+=-]", "_");
        config.put("name", spec.name() + "/" + folder);
        runs.add(new PlannedRun(index, folder, variant.getKey(), axes, config));
      }
    }
    return runs;
  }

  /** The exact run count as a product (it may exceed a long). */
  private static String describeCount(SweepSpec spec) {
    java.math.BigInteger runs = java.math.BigInteger.valueOf(spec.variants().size());
    for (List<JsonNode> values : spec.axes().values()) {
      runs = runs.multiply(java.math.BigInteger.valueOf(values.size()));
    }
    if (spec.random() != null) {
      runs = runs.multiply(java.math.BigInteger.valueOf(spec.random().runs()));
    }
    return runs.toString();
  }

  private static void apply(ObjectNode config, ObjectNode overrides) {
    Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      ConfigLoader.set(config, e.getKey(), e.getValue());
    }
  }

  /** The last part of a dotted key: "train.optimizer.lr" -> "lr". */
  private static String shortKey(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }
}
