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
 */
public record SweepSpec(
    String name, ObjectNode base, int workers, Map<String, ObjectNode> variants, Map<String, List<JsonNode>> axes,
    List<String> selectOver, String seedKey, List<List<String>> compare, Path file) {

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
    JsonNode axesNode = root.raw("axes");
    if (axesNode != null && !axesNode.isNull()) {
      if (!axesNode.isObject()) {
        throw new ConfigException("axes", "must map dotted config keys to lists of values");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = axesNode.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (!e.getValue().isArray() || e.getValue().isEmpty()) {
          throw new ConfigException("axes." + e.getKey(), "must be a non-empty list of values");
        }
        List<JsonNode> values = new ArrayList<>();
        e.getValue().forEach(values::add);
        axes.put(e.getKey(), values);
      }
    }
    List<String> selectOver = new ArrayList<>();
    for (JsonNode key : root.list("select-over")) {
      if (!axes.containsKey(key.asText())) {
        throw new ConfigException("select-over", "'" + key.asText() + "' is not an axis; axes: " + axes.keySet());
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
    root.finish();
    return new SweepSpec(name, base, workers, variants, axes, selectOver, seedKey, compare, file);
  }
}
