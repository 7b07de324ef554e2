package org.rankcf.regularizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.ConfigException;

class RegularizerPluginsTest {
  @Test
  void registersEveryRegularizerUnderItsShortName() {
    PluginRegistry registry = Guice.createInjector(new RegularizersModule(), new AbstractModule() {
      @Override
      protected void configure() {
        PluginBindings.losses(binder());
        PluginBindings.samplers(binder());
        PluginBindings.models(binder());
      }
    }).getInstance(PluginRegistry.class);
    assertThat(registry.regularizers()).containsOnlyKeys("stable-rank", "stable-rank-table", "uniformity", "l2");
    assertThat(registry.regularizer("uniformity", "regularizers[0].name").defaults())
        .isEqualTo(UniformityRegularizer.Config.DEFAULTS);
  }

  @Test
  void uniformityRejectsANonPositiveT() {
    assertThatThrownBy(() -> new UniformityRegularizer.Config(0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("t"))
        .hasMessage("t: must be > 0 (got 0.0)");
    assertThatThrownBy(() -> new UniformityRegularizer.Config(-2))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("t"));
  }
}
