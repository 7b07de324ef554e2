package org.rankcf.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rankcf.reports.Band;
import org.rankcf.reports.ReportOptions;
import org.rankcf.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rankcf report DIR}: writes DIR/report.html for a run or sweep folder and prints its path. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the HTML report of a run or sweep.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A run folder, or a folder of runs (a sweep).")
  Path dir;

  @Option(names = "--band", paramLabel = "BAND", description = "The shaded band around each arm's mean over seeds: "
      + "min-max (default) or std (mean ± one standard deviation).")
  String band = "min-max";

  @Override
  public Integer call() {
    Path report = ReportWriter.write(dir.toAbsolutePath(), ReportOptions.DEFAULTS.withBand(Band.parse(band)));
    spec.commandLine().getOut().println(report);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
