package org.rankcf.experiments.config;

import org.rankcf.framework.plugin.PluginContext;
import org.rankcf.framework.plugin.PluginFactory;

/** A plug-in name resolved to its factory and validated config record, ready to create. */
public record BoundPlugin<T>(String name, PluginFactory<T, ?> factory, Record config) {

  public T create(PluginContext context) {
    return createWith(factory, config, context);
  }

  @SuppressWarnings("unchecked")
  private static <T, C extends Record> T createWith(PluginFactory<T, C> factory, Record config, PluginContext context) {
    return factory.create((C) config, context);
  }

  /** Binds {@code params} onto the factory's defaults; errors name keys under {@code path}. */
  public static <T> BoundPlugin<T> bind(String name, PluginFactory<T, ?> factory, com.fasterxml.jackson.databind.JsonNode params,
      String path) {
    return new BoundPlugin<>(name, factory, bindConfig(factory, params, path));
  }

  private static <C extends Record> C bindConfig(PluginFactory<?, C> factory, com.fasterxml.jackson.databind.JsonNode params,
      String path) {
    return RecordBinder.bind(factory.configType(), factory.defaults(), params, path);
  }
}
