package org.rankcf.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.run.DamagedCheckpoint;
import org.rankcf.experiments.run.ProgressReporter;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.experiments.run.TrainingRun;
import org.rankcf.framework.util.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rankcf train config.yaml}: one run; prints the run folder as the last line of standard output. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train and evaluate one configuration.")
final class TrainCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "Run configuration (YAML).")
  Path config;

  @Option(names = "--data-root", paramLabel = "DIR", description = "Folder holding the data sets (overrides the config's folder).")
  Path dataRoot;

  @Option(names = "--max-epochs", paramLabel = "N", description = "Override train.epochs.")
  Integer maxEpochs;

  @Option(names = "--out", paramLabel = "DIR", description = "Parent folder of run folders (default: runs/ in the repository).")
  Path out;

  @Option(names = "--resume", description = "Checkpoint after every epoch into OUT/NAME (the config's name, no time "
      + "stamp); run again with --resume to continue an interrupted run where it stopped.")
  boolean resume;

  @Option(names = "--discard-changed", description = "With --resume: discard an interrupted run made with other "
      + "settings or data and start over (without it such a run is refused).")
  boolean discardChanged;

  @Option(names = "--damaged-checkpoint", paramLabel = "CHOICE", description = "With --resume, when the checkpoint is "
      + "damaged or of another version: FAIL (default, one-line error), PREVIOUS (resume from the checkpoint kept "
      + "from the epoch before) or RESTART (train from scratch).", converter = DamagedCheckpointConverter.class)
  DamagedCheckpoint damagedCheckpoint = DamagedCheckpoint.FAIL;

  @Option(names = "--report", description = "Also write report.html into the run folder.")
  boolean report;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key, e.g. --set train.optimizer.lr=0.01")
  List<String> sets = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> overrides = new ArrayList<>(sets);
    if (maxEpochs != null) {
      overrides.add("train.epochs=" + maxEpochs);
    }
    Path root = RankcfCli.repositoryRoot();
    RunConfig run = new ConfigLoader(Plugins.registry()).load(config, overrides);
    TrainingRun training = new TrainingRun(run, root, dataRoot == null ? null : dataRoot.toAbsolutePath());
    training.onDamagedCheckpoint(damagedCheckpoint);
    training.addListener(new ProgressReporter(System.err, System.console() != null, run.metric()));
    Path parent = out == null ? root.resolve("runs") : out.toAbsolutePath();
    TrainingRun.RunOutcome outcome = resume ? resumable(training, parent, run.name(), discardChanged) : training.execute(parent);
    var stdout = spec.commandLine().getOut();
    stdout.printf("best epoch %d; test %s%n", outcome.result().bestEpoch(), Summary.metrics(outcome.test()));
    if (report) {
      stdout.println("report: " + org.rankcf.reports.ReportWriter.write(outcome.directory()));
    }
    stdout.println(outcome.directory());
    stdout.flush();
    return 0;
  }

  private static TrainingRun.RunOutcome resumable(TrainingRun training, Path parent, String name, boolean discardChanged) {
    String folder = RunDirectory.safeName(name);
    if (Files.exists(parent.resolve(folder))) {
      throw new UserInputException(parent.resolve(folder) + " already holds a finished run named '" + name
          + "': move it away, or train without --resume");
    }
    return training.executeResumable(parent, folder, discardChanged);
  }

  /** Reads fail / previous / restart in any case, so the flag can be typed as the error message prints it. */
  static final class DamagedCheckpointConverter implements picocli.CommandLine.ITypeConverter<DamagedCheckpoint> {
    @Override
    public DamagedCheckpoint convert(String value) {
      for (DamagedCheckpoint choice : DamagedCheckpoint.values()) {
        if (choice.name().equalsIgnoreCase(value)) {
          return choice;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of fail, previous, restart");
    }
  }
}
