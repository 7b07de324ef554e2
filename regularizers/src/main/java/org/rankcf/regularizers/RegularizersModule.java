package org.rankcf.regularizers;

import com.google.inject.AbstractModule;
import org.rankcf.framework.plugin.PluginBindings;

/** Registers the regularizers under their short names. */
public final class RegularizersModule extends AbstractModule {
  @Override
  protected void configure() {
    PluginBindings.regularizers(binder()).addBinding("stable-rank").toInstance(StableRankRegularizer.FACTORY);
    PluginBindings.regularizers(binder()).addBinding("stable-rank-table").toInstance(StableRankTableRegularizer.FACTORY);
    PluginBindings.regularizers(binder()).addBinding("uniformity").toInstance(UniformityRegularizer.FACTORY);
    PluginBindings.regularizers(binder()).addBinding("l2").toInstance(L2Regularizer.FACTORY);
  }
}
