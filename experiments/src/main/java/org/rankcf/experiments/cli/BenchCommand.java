package org.rankcf.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rankcf.evaluation.Stage;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.run.Assembly;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.Trainer;
import org.rankcf.framework.train.TrainingResult;
import org.rankcf.framework.util.Parallel;
import org.rankcf.framework.util.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rankcf bench config.yaml ...}: end-to-end timings of training epochs and full evaluations, as
 * medians with min and max over repetitions (the first epoch, JIT warm-up, is left out), and the process CPU
 * time of an epoch (all threads, GC included), which other jobs on a shared machine disturb far less than the
 * wall time. Prints a Markdown table and can write it into a marked section of a file such as BENCHMARKS.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time training epochs and full evaluations.")
final class BenchCommand implements Callable<Integer> {
  private static final String START = "<!-- rankcf bench: start -->";
  private static final String END = "<!-- rankcf bench: end -->";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CONFIG", arity = "1..*", description = "Run configurations to time.")
  List<Path> configs;

  @Option(names = "--epochs", description = "Timed epochs after one warm-up epoch (default ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(names = "--evals", description = "Timed full test evaluations after one warm-up (default ${DEFAULT-VALUE}).")
  int evals = 5;

  @Option(names = "--data-root", paramLabel = "DIR", description = "Folder holding the data sets.")
  Path dataRoot;

  @Option(names = "--write", paramLabel = "FILE", description = "Replace the bench section of this Markdown file.")
  Path write;

  @Override
  public Integer call() throws IOException {
    if (epochs < 1 || evals < 1) {
      throw new UserInputException("--epochs and --evals must be >= 1");
    }
    ConfigLoader loader = new ConfigLoader(Plugins.registry());
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "Kernel path: %s; %d cores; %s %s; %d timed epochs and %d timed evaluations each.%n%n",
        Kernels.path().name(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), epochs, evals));
    table.append("| config | data | threads | epoch s (median) | epoch s (min-max) | eval s (median) | eval s (min-max) "
        + "| eval GFLOP/s | epoch CPU s (median) |\n");
    table.append("|---|---|---|---|---|---|---|---|---|\n");
    StringBuilder breakdown = new StringBuilder();
    Path root = RankcfCli.repositoryRoot();
    for (Path file : configs) {
      RunConfig config = loader.load(file, List.of());
      try (Parallel parallel = new Parallel(config.threads())) {
        Assembly assembly = new Assembly(config, root, dataRoot == null ? null : dataRoot.toAbsolutePath(), parallel);
        // a constant selection metric: the timed epochs do no ranking and never stop early
        Trainer trainer = assembly.trainer(m -> Map.of(config.metric(), 0.0), epochs + 1, Integer.MAX_VALUE);
        EpochCpuTime cpu = new EpochCpuTime(epochs + 1);
        trainer.addListener(cpu);
        TrainingResult result = trainer.fit();
        double[] epochSeconds = result.epochs().stream().skip(1).mapToDouble(EpochRecord::trainSeconds).toArray();
        double[] epochCpuSeconds = Arrays.copyOfRange(cpu.seconds(), 1, epochs + 1);
        double[] evalSeconds = new double[evals];
        var model = assembly.model();
        int users = 0;
        for (int r = -1; r < evals; r++) {
          long start = System.nanoTime();
          users = assembly.evaluator().evaluate(model.users(), model.items(), assembly.split(), Stage.TEST).usersEvaluated();
          if (r >= 0) {
            evalSeconds[r] = (System.nanoTime() - start) / 1e9;
          }
        }
        double flops = 2.0 * users * assembly.split().numItems() * config.dim();
        double evalMedian = median(evalSeconds);
        table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f-%.3f | %.3f | %.3f-%.3f | %.1f | %.3f |%n",
            config.name(), assembly.split().name(), config.threads(), median(epochSeconds), min(epochSeconds),
            max(epochSeconds), evalMedian, min(evalSeconds), max(evalSeconds), flops / evalMedian / 1e9,
            median(epochCpuSeconds)));
        breakdown.append(epochBreakdown(config.name(), result.epochs().subList(1, result.epochs().size())));
        spec.commandLine().getErr().printf("%s done%n", config.name());
        spec.commandLine().getErr().flush();
      }
    }
    table.append("\nWhere an epoch's time goes (median seconds over the timed epochs; the rest of an epoch is "
        + "sampling and gathering the batches):\n\n").append(breakdown);
    var out = spec.commandLine().getOut();
    out.print(table);
    out.flush();
    if (write != null) {
      replaceSection(write, table.toString());
    }
    return 0;
  }

  /**
   * One line: each objective term's and the update's median seconds per epoch, then every timed epoch and their
   * mean (the median hides epochs that do more, such as SL@K's one epoch in T that re-estimates beta).
   */
  static String epochBreakdown(String name, List<EpochRecord> epochs) {
    StringBuilder line = new StringBuilder("- ").append(name).append(':');
    for (String term : epochs.get(0).termSeconds().keySet()) {
      double[] seconds = epochs.stream().mapToDouble(e -> e.termSeconds().getOrDefault(term, 0.0)).toArray();
      line.append(String.format(Locale.ROOT, " %s %.3f s,", term, median(seconds)));
    }
    double[] update = epochs.stream().mapToDouble(EpochRecord::updateSeconds).toArray();
    line.append(String.format(Locale.ROOT, " update (backward, optimiser, forward) %.3f s; epochs", median(update)));
    double total = 0;
    for (EpochRecord epoch : epochs) {
      line.append(String.format(Locale.ROOT, " %.3f", epoch.trainSeconds()));
      total += epoch.trainSeconds();
    }
    return line.append(String.format(Locale.ROOT, " s, mean %.3f s%n", total / epochs.size())).toString();
  }

  /** Replaces the text between the bench markers (appending the section if the file has none). */
  private static void replaceSection(Path file, String body) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
    String section = START + "\n" + body + END;
    int a = text.indexOf(START);
    int b = text.indexOf(END);
    String updated = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + END.length())
        : text + "\n" + section + "\n";
    RunDirectory.writeAtomically(file, updated);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
