package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.experiments.config.ConfigNode;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * A sweep: a base run config, named variants (sets of overrides, e.g. with and without the warm start),
 * and axes of values for dotted config keys; the runs are the product of variants and axes.
 *
 * <pre>
 * name: warm-start-study
 * base: ../lastfm-mf-bpr.yaml          # relative to this file (or an inline mapping)
 * workers: 1                           # runs at a time
 * variants:
 *   bpr: {}
 *   bpr+sr: {train.warm-start: {epochs: 5, regularizers: [{name: stable-rank, weight: 1}]}}
 * axes:
 *   seed: [123, 246, 492]
 *   train.optimizer.lr: [0.01, 0.001]
 * select-over: [train.optimizer.lr]    # model selection: best validation metric over these axes
 * seed-key: seed                       # the axis holding replicates (default: seed)
 * compare: [[bpr, bpr+sr]]             # paired tests and speed-ups: [baseline, treatment]
 * </pre>
 *
 * <p>Searches beyond the grid: an axis may be a distribution ({@link AxisDistribution}), drawn
 * {@code search.random.runs} times from {@code search.random.seed} ({@link RandomSearch}); each draw is run
 * for every variant and every combination of the listed axes. {@code search.halving} ({@link Halving}) stops
 * the losing runs of each selection group early, rung by rung or, with {@code asynchronous: true}, as ASHA
 * ({@link AsynchronousHalving}).
 *
 * <pre>
 * axes:
 *   seed: [123]
 *   train.optimizer.lr: {log-uniform: [1.0e-4, 1.0e-1]}
 *   train.loss: {choice: [bpr, ssm]}
 * select-over: [train.optimizer.lr, train.loss]
 * search:
 *   random: {runs: 20, seed: 1}
 *   halving: {min-epochs: 5, max-epochs: 45, reduction: 3}
 * </pre>
 *
 * @param axes the listed axes (a grid)
 * @param random the random search over the distribution axes, or null
 * @param halving successive halving, or null to train every run to its end
 */
public record SweepSpec(
    String name, ObjectNode base, int workers, Map<String, ObjectNode> variants, Map<String, List<JsonNode>> axes,
    List<String> selectOver, String seedKey, List<List<String>> compare, Path file, RandomSearch random,
    Halving halving) {

  /** Reads and validates a sweep file. */
  public static SweepSpec load(Path file) {
    ConfigNode root = new ConfigNode(Yaml.read(file), "");
    String fallbackName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    String name = root.string("name", fallbackName);
    if (!name.matches("[A-Za-z0-9_+=-][A-Za-z0-9._+=-]*")) {
      // the name becomes the folder runs/sweeps/NAME: no separators, no "..", nothing outside that folder
      throw new ConfigException("name", "'" + name + "' cannot name a sweep folder: use letters, digits and . _ + = -"
          + ", not starting with '.'");
    }
    JsonNode baseNode = root.raw("base");
    ObjectNode base;
    if (baseNode == null || baseNode.isNull()) {
      throw new ConfigException("base", "is required: a run config file or an inline mapping");
    } else if (baseNode.isTextual()) {
      Path basePath = file.toAbsolutePath().getParent().resolve(baseNode.asText()).normalize();
      JsonNode tree = Yaml.read(basePath);
      if (!tree.isObject()) {
        throw new ConfigException("base", basePath + " must hold a mapping");
      }
      base = (ObjectNode) tree;
    } else if (baseNode.isObject()) {
      base = (ObjectNode) baseNode;
    } else {
      throw new ConfigException("base", "must be a file name or a mapping");
    }
    int workers = Check.atLeast("workers", root.integer("workers", 1), 1);

    Map<String, ObjectNode> variants = new LinkedHashMap<>();
    JsonNode variantNode = root.raw("variants");
    if (variantNode != null && !variantNode.isNull()) {
      if (!variantNode.isObject()) {
        throw new ConfigException("variants", "must map variant names to overrides");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = variantNode.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode overrides = e.getValue();
        if (overrides.isNull()) {
          overrides = Yaml.JSON.createObjectNode();
        }
        if (!overrides.isObject()) {
          throw new ConfigException("variants." + e.getKey(), "must map dotted config keys to values");
        }
        variants.put(e.getKey(), (ObjectNode) overrides);
      }
    }
    if (variants.isEmpty()) {
      variants.put("base", Yaml.JSON.createObjectNode());
    }

    Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
    Map<String, AxisDistribution> distributions = new LinkedHashMap<>();
    JsonNode axesNode = root.raw("axes");
    if (axesNode != null && !axesNode.isNull()) {
      if (!axesNode.isObject()) {
        throw new ConfigException("axes", "must map dotted config keys to lists of values");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = axesNode.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (AxisDistribution.describes(e.getValue())) {
          distributions.put(e.getKey(), AxisDistribution.parse("axes." + e.getKey(), e.getValue()));
          continue;
        }
        if (!e.getValue().isArray() || e.getValue().isEmpty()) {
          throw new ConfigException("axes." + e.getKey(), "must be a non-empty list of values or a distribution "
              + "({uniform | log-uniform | integer: [lo, hi]} or {choice: [values]})");
        }
        List<JsonNode> values = new ArrayList<>();
        e.getValue().forEach(values::add);
        axes.put(e.getKey(), values);
      }
    }
    List<String> selectOver = new ArrayList<>();
    for (JsonNode key : root.list("select-over")) {
      if (!axes.containsKey(key.asText()) && !distributions.containsKey(key.asText())) {
        throw new ConfigException("select-over", "'" + key.asText() + "' is not an axis; axes: " + axes.keySet()
            + (distributions.isEmpty() ? "" : " and " + distributions.keySet()));
      }
      selectOver.add(key.asText());
    }
    String seedKey = root.string("seed-key", "seed");
    List<List<String>> compare = new ArrayList<>();
    List<JsonNode> pairs = root.list("compare");
    for (int p = 0; p < pairs.size(); p++) {
      JsonNode pair = pairs.get(p);
      if (!pair.isArray() || pair.size() != 2) {
        throw new ConfigException("compare[" + p + "]", "must be [baseline, treatment]");
      }
      List<String> names = List.of(pair.get(0).asText(), pair.get(1).asText());
      for (String v : names) {
        if (!variants.containsKey(v)) {
          throw new ConfigException("compare[" + p + "]", "unknown variant '" + v + "'; variants: " + variants.keySet());
        }
      }
      compare.add(names);
    }
    ConfigNode search = root.child("search");
    RandomSearch random = randomSearch(search, distributions);
    Halving halving = halving(search);
    search.finish();
    root.finish();
    return new SweepSpec(name, base, workers, variants, axes, selectOver, seedKey, compare, file, random, halving);
  }

  private static RandomSearch randomSearch(ConfigNode search, Map<String, AxisDistribution> distributions) {
    if (!search.has("random")) {
      if (!distributions.isEmpty()) {
        throw new ConfigException("axes." + distributions.keySet().iterator().next(), "a distribution axis needs "
            + "search: {random: {runs: N, seed: S}}");
      }
      return null;
    }
    ConfigNode node = search.child("random");
    if (distributions.isEmpty()) {
      throw new ConfigException(node.path(), "needs at least one axis given as a distribution, e.g. "
          + "train.optimizer.lr: {log-uniform: [1.0e-4, 1.0e-1]}");
    }
    int runs = Check.atLeast(node.key("runs"), node.integer("runs", 0), 1);
    if (!node.has("seed")) {
      throw new ConfigException(node.key("seed"), "is required: the same seed draws the same runs");
    }
    long seed = node.longValue("seed", 0);
    node.finish();
    return new RandomSearch(runs, seed, distributions);
  }

  private static Halving halving(ConfigNode search) {
    if (!search.has("halving")) {
      return null;
    }
    ConfigNode node = search.child("halving");
    int min = Check.atLeast(node.key("min-epochs"), node.integer("min-epochs", 0), 1);
    int max = Check.atLeast(node.key("max-epochs"), node.integer("max-epochs", 0), min);
    int reduction = Check.atLeast(node.key("reduction"), node.integer("reduction", 3), 2);
    boolean asynchronous = node.bool("asynchronous", false);
    node.finish();
    return new Halving(min, max, reduction, asynchronous);
  }
}
