package org.rankcf.evaluation;

import com.google.inject.AbstractModule;
import org.rankcf.evaluation.metric.StandardMetrics;
import org.rankcf.framework.plugin.PluginBindings;

/** Registers the shipped metrics under their short names. */
public final class EvaluationModule extends AbstractModule {
  @Override
  protected void configure() {
    var metrics = PluginBindings.metrics(binder());
    StandardMetrics.ALL.forEach((name, metric) -> metrics.addBinding(name).toInstance(metric));
  }
}
