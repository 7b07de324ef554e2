package org.rankcf.framework.plugin;

import com.google.inject.Module;
import java.util.List;
import org.rankcf.framework.testing.PluginChecks;

/** Every sampler the framework registers through the generic plug-in checks. */
class FrameworkPluginChecksTest extends PluginChecks {
  @Override
  protected List<Module> modules() {
    return List.of(new FrameworkModule());
  }
}
