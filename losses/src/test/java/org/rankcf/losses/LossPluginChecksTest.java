package org.rankcf.losses;

import com.google.inject.Module;
import java.util.List;
import org.rankcf.framework.testing.PluginChecks;

/** Every loss this module registers through the generic plug-in checks. */
class LossPluginChecksTest extends PluginChecks {
  @Override
  protected List<Module> modules() {
    return List.of(new LossesModule());
  }
}
