package org.rankcf.experiments.cli;

import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.framework.plugin.PluginRegistry;

/** Every plug-in module on the classpath (built in, or from RANKCF_PLUGINS via the launcher) in one registry. */
public final class Plugins {
  private Plugins() {}

  static DiscoveredPlugins discovered() {
    return DiscoveredPlugins.load();
  }

  public static PluginRegistry registry() {
    return discovered().registry();
  }
}
