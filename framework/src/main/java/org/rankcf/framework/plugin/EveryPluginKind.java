package org.rankcf.framework.plugin;

import com.google.inject.AbstractModule;

/**
 * Declares every plug-in kind's map, so that an injector over modules that register only some kinds (one
 * plug-in jar, one module under test) still yields a full registry with the other kinds empty. Equal to every
 * other instance, so Guice installs it once however often it is added.
 */
public final class EveryPluginKind extends AbstractModule {
  @Override
  protected void configure() {
    PluginBindings.losses(binder());
    PluginBindings.regularizers(binder());
    PluginBindings.samplers(binder());
    PluginBindings.models(binder());
    PluginBindings.optimizers(binder());
    PluginBindings.metrics(binder());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EveryPluginKind;
  }

  @Override
  public int hashCode() {
    return EveryPluginKind.class.hashCode();
  }
}
