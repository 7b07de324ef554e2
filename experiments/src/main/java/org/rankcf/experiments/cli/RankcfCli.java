package org.rankcf.experiments.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code rankcf} command line. User errors print one line and exit with code 2. */
@Command(name = "rankcf", mixinStandardHelpOptions = true, version = "rankcf 0.1.0",
    description = "Collaborative-filtering embedding models, losses and stable-rank regularisation.",
    subcommands = {TrainCommand.class, DatasetsCommand.class, PluginsCommand.class, BenchCommand.class, SweepCommand.class, ReportCommand.class, MapCommand.class, TablesCommand.class})
public final class RankcfCli implements Callable<Integer> {
  /** Exit code of errors the user caused (bad input or config). */
  public static final int USER_ERROR = 2;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return USER_ERROR;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI with the given streams and returns the exit code (tests call this). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    RankcfCli cli = new RankcfCli();
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      err.println("rankcf: " + e.getMessage() + " (see rankcf " + e.getCommandLine().getCommandName() + " --help)");
      return USER_ERROR;
    });
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> FailureReport.print(e, err, cli.verbose));
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      return FailureReport.print(e, err, cli.verbose);
    }
  }

  /** The repository root: -Drankcf.root (set by the launcher), else the working folder. */
  static Path repositoryRoot() {
    String root = System.getProperty("rankcf.root");
    return Path.of(root == null ? "" : root).toAbsolutePath().normalize();
  }
}
