package org.rankcf.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.evaluation.FullRankingEvaluator.Column;
import org.rankcf.evaluation.MetricKey;
import org.rankcf.evaluation.Stage;
import org.rankcf.evaluation.metric.StandardMetrics;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * The eval section: the cut-offs and metrics reported for the selected epoch (every metric at every K),
 * and the few metric keys computed after every epoch for selection and the trajectory (by default only
 * the selection metric: ranking and scoring the rest each epoch is wasted work).
 *
 * <pre>
 * eval: {ks: [10, 20, 50], metrics: [recall, ndcg, ...], validation-metrics: [ndcg@20], mask-validation-at-test: true}
 * </pre>
 *
 * @param metrics the reported metrics by name, in report order
 * @param validation the per-epoch validation columns; the selection metric is among them
 * @param maskValidationAtTest whether the test ranking excludes the validation items besides the train items
 *     (false: they stay rankable as non-relevant items, as IR-Benchmark tests)
 */
public record EvalSpec(List<Integer> ks, Map<String, Metric> metrics, List<Column> validation,
    boolean maskValidationAtTest) {
  /** The stage the selected epoch is tested in. */
  public Stage testStage() {
    return maskValidationAtTest ? Stage.TEST : Stage.TEST_TRAIN_MASKED;
  }

  /** Reads and checks the section against the registered metrics; {@code selection} is train.metric. */
  static EvalSpec read(ConfigNode eval, String selection, PluginRegistry registry) {
    List<Integer> ks = eval.integers("ks", List.of(10, 20, 50));
    for (int k : ks) {
      Check.atLeast("eval.ks", k, 1);
    }
    if (ks.isEmpty()) {
      throw new ConfigException("eval.ks", "must list at least one K");
    }
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (String name : names(eval, "metrics", StandardMetrics.REPORTED)) {
      metrics.put(name, registry.metric(name, eval.key("metrics")));
    }
    MetricKey selected = key(selection, "train.metric", registry);
    if (!metrics.containsKey(selected.name()) || !ks.contains(selected.k())) {
      throw new ConfigException("train.metric", "must be one of eval.metrics " + metrics.keySet()
          + " @K with K in eval.ks " + ks + " (got '" + selection + "')");
    }
    List<Column> validation = new ArrayList<>();
    for (String text : names(eval, "validation-metrics", List.of(selection))) {
      MetricKey key = key(text, eval.key("validation-metrics"), registry);
      validation.add(new Column(key, registry.metric(key.name(), eval.key("validation-metrics"))));
    }
    if (validation.stream().noneMatch(c -> c.key().equals(selected))) {
      throw new ConfigException(eval.key("validation-metrics"), "must include the selection metric " + selection);
    }
    boolean maskValidation = eval.bool("mask-validation-at-test", true);
    eval.finish();
    return new EvalSpec(List.copyOf(ks), metrics, List.copyOf(validation), maskValidation);
  }

  /** The section as the run manifest records it. */
  void describe(ObjectNode out) {
    ks.forEach(out.putArray("ks")::add);
    metrics.keySet().forEach(out.putArray("metrics")::add);
    validation.forEach(c -> out.withArray("validation-metrics").add(c.key().toString()));
    out.put("mask-validation-at-test", maskValidationAtTest);
  }

  private static MetricKey key(String text, String configKey, PluginRegistry registry) {
    MetricKey key;
    try {
      key = MetricKey.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(configKey, e.getMessage() + ", e.g. ndcg@20");
    }
    registry.metric(key.name(), configKey);
    return key;
  }

  private static List<String> names(ConfigNode eval, String name, List<String> fallback) {
    if (!eval.has(name)) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode element : eval.list(name)) {
      if (!element.isTextual()) {
        throw new ConfigException(eval.key(name), "must be a list of names (got " + element + ")");
      }
      out.add(element.textValue());
    }
    if (out.isEmpty()) {
      throw new ConfigException(eval.key(name), "must list at least one metric");
    }
    return out;
  }
}
