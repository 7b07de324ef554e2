package org.rankcf.framework.optim;

import com.google.inject.AbstractModule;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Optimizer;

/** Registers the optimisers under their short names; {@code adam} is the default. */
public final class OptimizersModule extends AbstractModule {
  public static final String DEFAULT = "adam";

  @Override
  protected void configure() {
    var optimizers = PluginBindings.optimizers(binder());
    optimizers.addBinding("adam").toInstance(PluginFactory.of(AdamConfig.class, AdamConfig.DEFAULTS,
        "Adam, coupled L2 weight decay (the paper's); lazy steps approximate",
        (c, ctx) -> (Optimizer.Builder) tables -> new Adam(c, tables)));
    optimizers.addBinding("adamw").toInstance(PluginFactory.of(AdamWConfig.class, AdamWConfig.DEFAULTS,
        "AdamW, decoupled weight decay; lazy steps approximate",
        (c, ctx) -> (Optimizer.Builder) tables -> new AdamW(c, tables)));
    optimizers.addBinding("sgd").toInstance(PluginFactory.of(SgdConfig.class, SgdConfig.DEFAULTS,
        "SGD, optional heavy-ball or Nesterov momentum; lazy only where exact",
        (c, ctx) -> (Optimizer.Builder) tables -> new Sgd(c, tables)));
    optimizers.addBinding("adagrad").toInstance(PluginFactory.of(AdagradConfig.class, AdagradConfig.DEFAULTS,
        "Adagrad, coupled L2 weight decay; lazy only where exact",
        (c, ctx) -> (Optimizer.Builder) tables -> new Adagrad(c, tables)));
  }
}
