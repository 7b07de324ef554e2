package org.rankcf.framework.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import java.nio.file.Path;
import java.util.List;
import org.example.clash.OutsideModule;
import org.rankcf.framework.util.ConfigException;
import org.junit.jupiter.api.Test;

class DiscoveredPluginsTest {
  /** A second registration of the built-in "uniform" sampler, as a clashing external plug-in would make. */
  static final class ClashingModule extends AbstractModule {
    @Override
    protected void configure() {
      PluginBindings.samplers(binder()).addBinding("uniform").toInstance(PluginFactory.of(NoConfig.class,
          NoConfig.INSTANCE, "clash", (c, ctx) -> null));
    }
  }

  @Test
  void serviceLoaderFindsTheFrameworkModuleAsBuiltIn() {
    DiscoveredPlugins plugins = DiscoveredPlugins.load();
    assertThat(plugins.registry().models()).containsKeys("mf", "lightgcn");
    assertThat(plugins.registry().optimizers()).containsKey("adam");
    assertThat(plugins.source("model", "mf")).isEqualTo("built in");
    assertThat(plugins.source("optimizer", "adam")).isEqualTo("built in");
  }

  @Test
  void aModuleFromOutsideNamesItsFolderAndAClashNamesBothSources() {
    String folder = Path.of("target", "test-classes").toAbsolutePath().toString();
    assertThatThrownBy(() -> DiscoveredPlugins.of(List.of(new FrameworkModule(), new OutsideModule())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("model 'mf' is registered by both built in and " + folder);
  }

  @Test
  void aNameRegisteredTwiceInsideTheProjectIsRefusedToo() {
    assertThatThrownBy(() -> DiscoveredPlugins.of(List.of(new FrameworkModule(), new ClashingModule())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sampler 'uniform' is registered by both built in and built in");
  }
}
