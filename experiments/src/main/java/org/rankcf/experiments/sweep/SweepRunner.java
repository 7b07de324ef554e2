package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.run.Assembly;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.experiments.run.RunFingerprint;
import org.rankcf.experiments.run.TrainingRun;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.Parallel;
import org.rankcf.framework.util.UserInputException;

/**
 * Executes a sweep's runs into one folder, {@code workers} at a time. A run whose folder already holds
 * metrics.json is skipped; a run interrupted half-way resumes from its checkpoint. Every run's config is
 * validated before the first one starts, so a typo in the last variant does not surface hours later.
 */
public final class SweepRunner {
  private final SweepSpec spec;
  private final PluginRegistry registry;
  private final Path repositoryRoot;
  private final Path dataRoot;
  private final PrintWriter log;
  private org.rankcf.experiments.run.DamagedCheckpoint damagedCheckpoint =
      org.rankcf.experiments.run.DamagedCheckpoint.FAIL;

  public SweepRunner(SweepSpec spec, PluginRegistry registry, Path repositoryRoot, Path dataRoot, PrintWriter log) {
    this.spec = spec;
    this.registry = registry;
    this.repositoryRoot = repositoryRoot;
    this.dataRoot = dataRoot;
    this.log = log;
  }

  /** What an interrupted run does when its checkpoint is damaged (default: fail with a one-line error). */
  public void onDamagedCheckpoint(org.rankcf.experiments.run.DamagedCheckpoint choice) {
    damagedCheckpoint = choice;
  }

  /** Runs (or skips) every planned run; returns the plan. */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides) {
    return run(sweepDir, overrides, false);
  }

  /**
   * As {@link #run(Path, List)}; a finished or interrupted run whose {@link RunFingerprint} no longer
   * matches its config is refused before anything runs, or discarded and run again when
   * {@code discardChanged}. The caller holds the sweep folder's {@link org.rankcf.framework.util.FolderLock}.
   */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides, boolean discardChanged) {
    List<SweepPlan.PlannedRun> plan = SweepPlan.expand(spec);
    ConfigLoader loader = new ConfigLoader(registry);
    List<RunConfig> configs = new ArrayList<>();
    for (SweepPlan.PlannedRun run : plan) {
      overrides.forEach(o -> ConfigLoader.apply(run.config(), o));
      try {
        configs.add(loader.load(run.config(), run.name()));
      } catch (UserInputException e) {
        throw new UserInputException(spec.file() + ": run " + run.name() + ": " + e.getMessage(), e);
      }
    }
    for (int r = 0; r < plan.size(); r++) {
      checkFinished(sweepDir.resolve(plan.get(r).name()), configs.get(r), discardChanged);
    }
    ExecutorService pool = Executors.newFixedThreadPool(spec.workers());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int r = 0; r < plan.size(); r++) {
        SweepPlan.PlannedRun run = plan.get(r);
        RunConfig config = configs.get(r);
        futures.add(pool.submit(() -> execute(sweepDir, run, config, plan.size(), discardChanged)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return plan;
  }

  /** A finished run is skipped only while its fingerprint matches; the data are loaded to hash the split. */
  private void checkFinished(Path folder, RunConfig config, boolean discardChanged) {
    if (!Files.exists(folder.resolve("metrics.json"))) {
      return;
    }
    String splitHash;
    try (Parallel parallel = new Parallel(1)) {
      splitHash = new Assembly(config, repositoryRoot, dataRoot, parallel).split().hash();
    }
    RunFingerprint now = RunFingerprint.of(config, splitHash);
    RunFingerprint older = RunFingerprint.read(folder);
    if (discardChanged && !now.changesFrom(older).isEmpty()) {
      log.printf("%s: settings changed (%s), discarded%n", folder.getFileName(), String.join("; ", now.changesFrom(older)));
      log.flush();
      RunDirectory.discard(folder);
    } else {
      now.requireSameAs(older, "the finished run " + folder, RunFingerprint.DISCARD_FLAG);
    }
  }

  private void execute(Path sweepDir, SweepPlan.PlannedRun run, RunConfig config, int total, boolean discardChanged) {
    if (Files.exists(sweepDir.resolve(run.name()).resolve("metrics.json"))) {
      log.printf("[%d/%d] %s: done earlier, skipped%n", run.index() + 1, total, run.name());
      log.flush();
      return;
    }
    boolean resuming = Files.exists(sweepDir.resolve("." + run.name() + ".partial").resolve("checkpoint.bin"));
    log.printf("[%d/%d] %s: %s%n", run.index() + 1, total, run.name(), resuming ? "resuming" : "starting");
    log.flush();
    TrainingRun training = new TrainingRun(config, repositoryRoot, dataRoot);
    training.onDamagedCheckpoint(damagedCheckpoint);
    TrainingRun.RunOutcome outcome = training.executeResumable(sweepDir, run.name(), discardChanged);
    log.printf(java.util.Locale.ROOT, "[%d/%d] %s: best epoch %d, test ndcg@20 %.4f recall@20 %.4f%n", run.index() + 1,
        total, run.name(), outcome.result().bestEpoch(), outcome.test().getOrDefault("ndcg@20", Double.NaN),
        outcome.test().getOrDefault("recall@20", Double.NaN));
    log.flush();
  }
}
