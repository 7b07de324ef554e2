package org.rankcf.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rankcf.experiments.sweep.InProcessSweepExecutor;
import org.rankcf.experiments.sweep.SweepExecutor;
import org.rankcf.experiments.sweep.SweepPlan;
import org.rankcf.experiments.sweep.SweepProgress;
import org.rankcf.experiments.sweep.SweepResults;
import org.rankcf.experiments.sweep.SweepExecutorProvider;
import org.rankcf.experiments.sweep.SweepRunner;
import org.rankcf.experiments.sweep.SweepSpec;
import org.rankcf.framework.util.FolderLock;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rankcf sweep grid.yaml}: expands and runs a sweep into runs/sweeps/NAME (running it again resumes:
 * finished runs are skipped, interrupted ones continue from their checkpoints), writes the results tables
 * and the report, prints a comparison table and, last, the sweep folder.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = StatusCommand.class,
    description = {"Run a grid (or a random search, optionally with successive halving) of configurations, "
        + "resumably.", "A run that fails is recorded and the others go on; the exit code is then 1."})
final class SweepCommand implements Callable<Integer> {
  /** Exit code of a sweep that finished with failed runs. */
  static final int FAILED_RUNS = 1;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  // optional for picocli, so that `rankcf sweep status DIR` is not refused for lack of a GRID
  @Parameters(index = "0", arity = "0..1", paramLabel = "GRID", description = "Sweep file (YAML).")
  Path grid;

  @Option(names = "--out", paramLabel = "DIR", description = "The sweep folder (default: runs/sweeps/<name>).")
  Path out;

  @Option(names = "--data-root", paramLabel = "DIR", description = "Folder holding the data sets.")
  Path dataRoot;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key in every run.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--no-report", description = "Skip report.html.")
  boolean noReport;

  @Option(names = "--discard-changed", description = "Delete and rerun runs whose settings or data changed since "
      + "they ran (without it such runs are refused).")
  boolean discardChanged;

  @Option(names = "--damaged-checkpoint", paramLabel = "CHOICE", description = "When an interrupted run's checkpoint "
      + "is damaged or of another version: FAIL (default, one-line error), PREVIOUS (resume from the checkpoint kept "
      + "from the epoch before) or RESTART (train that run from scratch).",
      converter = TrainCommand.DamagedCheckpointConverter.class)
  org.rankcf.experiments.run.DamagedCheckpoint damagedCheckpoint = org.rankcf.experiments.run.DamagedCheckpoint.FAIL;

  @Option(names = "--executor", paramLabel = "NAME", defaultValue = "in-process",
      description = "Where runs execute: in-process (default) or spark (launch with ./rankcf-spark).")
  String executor;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master URL (local[2], spark://host:7077, ...).")
  String master;

  @Override
  public Integer call() {
    if (grid == null) {
      throw new UserInputException("rankcf sweep: give a sweep file (GRID), or `status DIR`");
    }
    SweepSpec sweep = SweepSpec.load(grid);
    Path root = RankcfCli.repositoryRoot();
    Path dir = out != null ? out.toAbsolutePath() : root.resolve("runs").resolve("sweeps").resolve(sweep.name());
    SweepRunner runner = new SweepRunner(sweep, Plugins.registry(), root,
        dataRoot == null ? null : dataRoot.toAbsolutePath(), spec.commandLine().getErr());
    runner.onDamagedCheckpoint(damagedCheckpoint);
    var stdout = spec.commandLine().getOut();
    SweepProgress progress;
    try (FolderLock lock = FolderLock.acquire(dir, "sweep");
        SweepExecutor runs = "in-process".equals(executor) ? new InProcessSweepExecutor(sweep.workers(), Plugins::registry)
            : SweepExecutorProvider.named(executor).create(master)) {
      List<SweepPlan.PlannedRun> plan = runner.run(dir, sets, discardChanged, runs);
      ObjectNode stats = new SweepResults(sweep, plan, dir).write(dir);
      printTable(stdout, stats);
      if (!noReport) {
        stdout.println("report: " + ReportWriter.write(dir));
      }
      progress = SweepProgress.read(dir);
    }
    stdout.println(dir);
    stdout.flush();
    if (progress.failed() > 0) {
      var err = spec.commandLine().getErr();
      err.println(StatusCommand.failures(progress));
      err.flush();
      return FAILED_RUNS;
    }
    return 0;
  }

  private static void printTable(java.io.PrintWriter out, ObjectNode stats) {
    out.printf(Locale.ROOT, "%-40s %5s %18s %18s %10s%n", "arm", "seeds", "test ndcg@20", "test recall@20", "s to best");
    stats.get("arms").fields().forEachRemaining(e -> {
      JsonNode a = e.getValue();
      out.printf(Locale.ROOT, "%-40s %5d %9.4f +- %.4f %9.4f +- %.4f %10.1f%n", e.getKey(), a.get("seeds").asInt(),
          a.get("test_ndcg@20_mean").asDouble(), a.get("test_ndcg@20_std").asDouble(),
          a.get("test_recall@20_mean").asDouble(), a.get("test_recall@20_std").asDouble(),
          a.get("seconds_to_best_mean").asDouble());
    });
    for (JsonNode c : stats.get("comparisons")) {
      out.printf(Locale.ROOT, "%s vs %s: test ndcg@20 %+.1f%% (paired t-test p %.3g over %d seeds), epochs to best "
              + "%.1f -> %.1f, wall time to best %+.1f%%, to 95%% of the baseline's best %+.1f%% (%d of %d seeds reached it)%n",
          c.get("treatment").asText(), c.get("baseline").asText(), c.get("test_ndcg@20_change_pct").asDouble(),
          c.get("test_ndcg@20_ttest_p_over_seeds").asDouble(), c.get("paired_seeds").asInt(),
          c.get("epochs_to_best_baseline_mean").asDouble(), c.get("epochs_to_best_treatment_mean").asDouble(),
          -c.get("seconds_to_best_reduction_pct").asDouble(),
          -c.get("seconds_to_95pct_of_baseline_best_reduction_pct").asDouble(),
          c.get("seeds_reaching_95pct_of_baseline_best").asInt(), c.get("paired_seeds").asInt());
      if (c.has("user_pairs")) {
        out.printf(Locale.ROOT, "  over %d (user, seed) pairs: paired t-test p %.3g, Wilcoxon p %.3g%n", c.get("user_pairs").asInt(),
            c.get("test_ndcg@20_ttest_p_over_users").asDouble(), c.get("test_ndcg@20_wilcoxon_p_over_users").asDouble());
      }
    }
  }
}
