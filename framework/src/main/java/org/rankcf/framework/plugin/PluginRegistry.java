package org.rankcf.framework.plugin;

import com.google.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.spi.Sampler;
import org.rankcf.framework.util.ConfigException;

/** All registered plug-ins by kind and short name; unknown names fail with the list of known ones. */
public final class PluginRegistry {
  private final Map<String, PluginFactory<Loss, ?>> losses;
  private final Map<String, PluginFactory<Regularizer, ?>> regularizers;
  private final Map<String, PluginFactory<Sampler, ?>> samplers;
  private final Map<String, PluginFactory<Model, ?>> models;
  private Map<String, PluginFactory<Optimizer.Builder, ?>> optimizers = Map.of();
  private Map<String, Metric> metrics = Map.of();

  @Inject
  public PluginRegistry(
      Map<String, PluginFactory<Loss, ?>> losses,
      Map<String, PluginFactory<Regularizer, ?>> regularizers,
      Map<String, PluginFactory<Sampler, ?>> samplers,
      Map<String, PluginFactory<Model, ?>> models) {
    this.losses = new TreeMap<>(losses);
    this.regularizers = new TreeMap<>(regularizers);
    this.samplers = new TreeMap<>(samplers);
    this.models = new TreeMap<>(models);
  }

  /**
   * The optimisers, injected apart from the constructor so that injectors without any optimiser binding (the
   * plug-in modules' own tests) still build a registry.
   */
  @Inject(optional = true)
  void setOptimizers(Map<String, PluginFactory<Optimizer.Builder, ?>> optimizers) {
    this.optimizers = new TreeMap<>(optimizers);
  }

  /**
   * The metrics, when an injector binds them (the evaluation module does); optional so that registries
   * built for the other kinds alone need no metric module.
   */
  @Inject(optional = true)
  void registerMetrics(Map<String, Metric> metrics) {
    this.metrics = new TreeMap<>(metrics);
  }

  /** The loss factory called {@code name}; {@code key} is the config key that named it. */
  public PluginFactory<Loss, ?> loss(String name, String key) {
    return find(losses, "loss", name, key);
  }

  public PluginFactory<Regularizer, ?> regularizer(String name, String key) {
    return find(regularizers, "regularizer", name, key);
  }

  public PluginFactory<Sampler, ?> sampler(String name, String key) {
    return find(samplers, "sampler", name, key);
  }

  public PluginFactory<Model, ?> model(String name, String key) {
    return find(models, "model", name, key);
  }

  public PluginFactory<Optimizer.Builder, ?> optimizer(String name, String key) {
    return find(optimizers, "optimizer", name, key);
  }

  /** The metric called {@code name}; {@code key} is the config key that named it. */
  public Metric metric(String name, String key) {
    return find(metrics, "metric", name, key);
  }

  public Map<String, Metric> metrics() {
    return metrics;
  }

  public Map<String, PluginFactory<Loss, ?>> losses() {
    return losses;
  }

  public Map<String, PluginFactory<Regularizer, ?>> regularizers() {
    return regularizers;
  }

  public Map<String, PluginFactory<Sampler, ?>> samplers() {
    return samplers;
  }

  public Map<String, PluginFactory<Model, ?>> models() {
    return models;
  }

  public Map<String, PluginFactory<Optimizer.Builder, ?>> optimizers() {
    return optimizers;
  }

  /** Every kind's plug-ins under the kind's singular name ("loss", "model", ...) as used in error messages. */
  public Map<String, Map<String, ?>> byKind() {
    return Map.of("loss", losses, "regularizer", regularizers, "sampler", samplers, "model", models,
        "optimizer", optimizers, "metric", metrics);
  }

  private static <T> T find(Map<String, T> map, String kind, String name, String key) {
    T factory = map.get(name);
    if (factory == null) {
      throw new ConfigException(key, "unknown " + kind + " '" + name + "'; known: " + String.join(", ", map.keySet()));
    }
    return factory;
  }
}
