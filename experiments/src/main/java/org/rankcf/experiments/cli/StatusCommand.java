package org.rankcf.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rankcf.experiments.sweep.SweepProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rankcf sweep status DIR}: where a sweep stands, from its folder alone (while it runs, after it, or
 * after it was killed): the progress line the sweep prints, then the failed runs with their errors.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Print a sweep folder's progress: runs "
    + "done, running, pruned and failed, and an ETA.")
final class StatusCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder.")
  Path dir;

  @Override
  public Integer call() {
    SweepProgress progress = SweepProgress.read(dir.toAbsolutePath());
    var out = spec.commandLine().getOut();
    out.println(progress.line());
    if (progress.failed() > 0) {
      out.println(failures(progress));
    }
    out.flush();
    return 0;
  }

  /** {@code N failed runs: NAME (error); ...}, one line. */
  static String failures(SweepProgress progress) {
    return progress.failed() + " failed run" + (progress.failed() == 1 ? "" : "s") + ": " + progress.failures().stream()
        .map(f -> f.run() + " (" + f.error() + ")").collect(Collectors.joining("; "));
  }
}
