package org.rankcf.framework.plugin;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.Metric;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.spi.Sampler;

/**
 * The Guice map binders plug-in modules register into, one per kind. Registering a plug-in is one line:
 * {@code PluginBindings.losses(binder()).addBinding("bpr").toInstance(BprLoss.FACTORY);}
 */
public final class PluginBindings {
  private PluginBindings() {}

  public static MapBinder<String, PluginFactory<Loss, ?>> losses(Binder binder) {
    return MapBinder.newMapBinder(binder, new TypeLiteral<String>() {}, new TypeLiteral<PluginFactory<Loss, ?>>() {});
  }

  public static MapBinder<String, PluginFactory<Regularizer, ?>> regularizers(Binder binder) {
    return MapBinder.newMapBinder(
        binder, new TypeLiteral<String>() {}, new TypeLiteral<PluginFactory<Regularizer, ?>>() {});
  }

  public static MapBinder<String, PluginFactory<Sampler, ?>> samplers(Binder binder) {
    return MapBinder.newMapBinder(
        binder, new TypeLiteral<String>() {}, new TypeLiteral<PluginFactory<Sampler, ?>>() {});
  }

  public static MapBinder<String, PluginFactory<Model, ?>> models(Binder binder) {
    return MapBinder.newMapBinder(binder, new TypeLiteral<String>() {}, new TypeLiteral<PluginFactory<Model, ?>>() {});
  }

  public static MapBinder<String, PluginFactory<Optimizer.Builder, ?>> optimizers(Binder binder) {
    return MapBinder.newMapBinder(
        binder, new TypeLiteral<String>() {}, new TypeLiteral<PluginFactory<Optimizer.Builder, ?>>() {});
  }

  public static MapBinder<String, Metric> metrics(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Metric.class);
  }
}
