package org.example.sigmoidrank;

import com.google.inject.AbstractModule;
import org.rankcf.framework.plugin.PluginBindings;

/** Registers the plug-in's loss; found by rankcf through META-INF/services/com.google.inject.Module. */
public final class SigmoidRankModule extends AbstractModule {
  @Override
  protected void configure() {
    PluginBindings.losses(binder()).addBinding("sigmoid-rank").toInstance(SigmoidRankLoss.FACTORY);
  }
}
