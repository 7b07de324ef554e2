package org.rankcf.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rankcf.experiments.sweep.StatsTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rankcf tables DIR}: a finished sweep's arms and comparisons as Markdown tables. */
@Command(name = "tables", mixinStandardHelpOptions = true,
    description = "Print a finished sweep's arms and comparisons as Markdown tables.")
final class TablesCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A finished sweep folder (results.json, stats.json).")
  Path dir;

  @Option(names = "--metric", paramLabel = "METRIC", description = "The headline test metric (default: ${DEFAULT-VALUE}).")
  String metric = "ndcg@20";

  @Option(names = "--second", paramLabel = "METRIC", description = "The second test metric (default: ${DEFAULT-VALUE}).")
  String second = "recall@20";

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(StatsTables.of(dir, metric, second).markdown());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
