package org.rankcf.losses;

import com.google.inject.Module;
import java.util.List;
import java.util.Set;
import org.rankcf.framework.testing.PluginChecks;

/** Every loss this module registers through the generic plug-in checks. */
class LossPluginChecksTest extends PluginChecks {
  @Override
  protected List<Module> modules() {
    return List.of(new LossesModule());
  }

  /** The Lambda losses weight BPR by catalogue ranks held constant; LambdaLossTest checks them that way. */
  @Override
  protected Set<String> rankWeightedObjectives() {
    return Set.of("loss lambdarank", "loss lambdaloss", "loss lambdaloss-at-k");
  }
}
