package org.rankcf.experiments.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code rankcf plugins}: every registered plug-in with its description, source (built in or which jar) and default parameters. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List losses, regularizers, samplers, models, optimisers and metrics.")
final class PluginsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DiscoveredPlugins plugins = Plugins.discovered();
    PluginRegistry registry = plugins.registry();
    var out = spec.commandLine().getOut();
    print(out, plugins, "model", "models", registry.models());
    print(out, plugins, "loss", "losses", registry.losses());
    print(out, plugins, "regularizer", "regularizers", registry.regularizers());
    print(out, plugins, "sampler", "samplers", registry.samplers());
    print(out, plugins, "optimizer", "optimizers", registry.optimizers());
    out.println("metrics (reported as name@K):");
    registry.metrics().forEach((name, metric) -> out.printf("  %-18s %s%n  %18s from %s%n", name,
        metric.description(), "", plugins.source("metric", name)));
    out.flush();
    return 0;
  }

  private static void print(java.io.PrintWriter out, DiscoveredPlugins discovered, String kind, String title,
      Map<String, ? extends PluginFactory<?, ?>> plugins) throws Exception {
    out.println(title + ":");
    for (var entry : plugins.entrySet()) {
      out.printf("  %-18s %s%n  %18s from %s%n  %18s defaults %s%n", entry.getKey(), entry.getValue().description(),
          "", discovered.source(kind, entry.getKey()), "",
          Yaml.JSON.writer().withoutFeatures(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(entry.getValue().defaults()));
    }
  }
}
