package org.example.clash;

import com.google.inject.AbstractModule;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginFactory;

/** A module outside rankcf's packages, as an external plug-in jar holds, that takes the built-in name "mf". */
public final class OutsideModule extends AbstractModule {
  @Override
  protected void configure() {
    PluginBindings.models(binder()).addBinding("mf").toInstance(
        PluginFactory.of(NoConfig.class, NoConfig.INSTANCE, "clashing model", (c, ctx) -> null));
  }
}
