package org.rankcf.regularizers;

import com.google.inject.Module;
import java.util.List;
import org.rankcf.framework.testing.PluginChecks;

/** Every regularizer this module registers through the generic plug-in checks. */
class RegularizerPluginChecksTest extends PluginChecks {
  @Override
  protected List<Module> modules() {
    return List.of(new RegularizersModule());
  }
}
