package org.rankcf.experiments.example;

import com.google.inject.AbstractModule;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Optimizer;

/** Registers the example optimiser as {@code rmsprop}, installed beside the built-in modules. */
public final class RmsPropModule extends AbstractModule {
  @Override
  protected void configure() {
    PluginBindings.optimizers(binder()).addBinding("rmsprop").toInstance(PluginFactory.of(RmsPropConfig.class,
        RmsPropConfig.DEFAULTS, "RMSprop", (config, context) -> (Optimizer.Builder) tables -> new RmsProp(config, tables)));
  }
}
