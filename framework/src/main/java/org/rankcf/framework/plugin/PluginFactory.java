package org.rankcf.framework.plugin;

import java.util.function.BiFunction;

/**
 * Creates one kind of plug-in (a loss, a regularizer, a sampler, a model) from its config record.
 *
 * <p>The config record holds the defaults ({@link #defaults()}) and validates itself in its constructor,
 * throwing a {@link org.rankcf.framework.util.ConfigException} that names the offending key. The YAML
 * loader overlays the user's keys on the defaults, so a record only lists what it understands.
 *
 * @param <T> the plug-in type
 * @param <C> its config record
 */
public interface PluginFactory<T, C extends Record> {
  Class<C> configType();

  C defaults();

  T create(C config, PluginContext context);

  /** One line for {@code --help} listings. */
  String description();

  /** A factory from a default config and a constructor. */
  static <T, C extends Record> PluginFactory<T, C> of(
      Class<C> type, C defaults, String description, BiFunction<C, PluginContext, T> create) {
    return new PluginFactory<>() {
      @Override
      public Class<C> configType() {
        return type;
      }

      @Override
      public C defaults() {
        return defaults;
      }

      @Override
      public T create(C config, PluginContext context) {
        return create.apply(config, context);
      }

      @Override
      public String description() {
        return description;
      }
    };
  }
}
