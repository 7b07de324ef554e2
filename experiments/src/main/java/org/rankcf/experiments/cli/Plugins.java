package org.rankcf.experiments.cli;

import com.google.inject.Guice;
import org.rankcf.evaluation.EvaluationModule;
import org.rankcf.framework.plugin.FrameworkModule;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.losses.LossesModule;
import org.rankcf.regularizers.RegularizersModule;

/** The Guice wiring of every plug-in module into one registry. */
public final class Plugins {
  private Plugins() {}

  public static PluginRegistry registry() {
    return Guice.createInjector(new FrameworkModule(), new LossesModule(), new RegularizersModule(),
        new EvaluationModule())
        .getInstance(PluginRegistry.class);
  }
}
