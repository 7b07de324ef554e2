package org.rankcf.experiments.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.rankcf.experiments.config.RecordBinder;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.DatasetStats;
import org.rankcf.framework.data.SplitData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rankcf datasets stats <dataset>}: size, density and degree quantiles of a data set. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Inspect data sets.",
    subcommands = DatasetsCommand.Stats.class)
final class DatasetsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("usage: rankcf datasets stats <dataset folder or builtin:lastfm>");
    return RankcfCli.USER_ERROR;
  }

  @Command(name = "stats", mixinStandardHelpOptions = true, description = "Users, items, interactions, density, degree quantiles.")
  static final class Stats implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "A data set folder, or builtin:lastfm.")
    String dataset;

    @Option(names = "--format", description = "Reader format (default: detect from the file names).")
    String format;

    @Override
    public Integer call() {
      ObjectNode section = Yaml.JSON.createObjectNode().put("path", dataset).put("validation", 0.0);
      if (format != null) {
        section.put("format", format);
      }
      DatasetSpec data = RecordBinder.bind(DatasetSpec.class, DatasetSpec.DEFAULTS, section, "data");
      SplitData split = DatasetLoader.load(data, RankcfCli.repositoryRoot());
      var out = spec.commandLine().getOut();
      out.print(DatasetStats.of(split).format());
      out.flush();
      return 0;
    }
  }
}
