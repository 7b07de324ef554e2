package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.run.Assembly;
import org.rankcf.experiments.run.DamagedCheckpoint;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.experiments.run.RunFingerprint;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.Parallel;
import org.rankcf.framework.util.UserInputException;

/**
 * Executes a sweep's runs into one folder through a {@link SweepExecutor} (by default {@code workers} threads
 * of this JVM), all at once or, with {@code search.halving}, rung by rung ({@link SuccessiveHalving}) or
 * asynchronously ({@link AsynchronousHalving}). A run whose folder already holds metrics.json is skipped; a
 * run interrupted half-way resumes from its checkpoint; a run that fails is recorded as failed and the others
 * go on. Every run's config is validated before the first one starts, so a typo in the last variant does not
 * surface hours later. Progress lines go to the log.
 */
public final class SweepRunner {
  private final SweepSpec spec;
  private final PluginRegistry registry;
  private final Path repositoryRoot;
  private final Path dataRoot;
  private final PrintWriter log;
  private DamagedCheckpoint damagedCheckpoint = DamagedCheckpoint.FAIL;

  public SweepRunner(SweepSpec spec, PluginRegistry registry, Path repositoryRoot, Path dataRoot, PrintWriter log) {
    this.spec = spec;
    this.registry = registry;
    this.repositoryRoot = repositoryRoot;
    this.dataRoot = dataRoot;
    this.log = log;
  }

  /** What an interrupted run does when its checkpoint is damaged (default: fail with a one-line error). */
  public void onDamagedCheckpoint(DamagedCheckpoint choice) {
    damagedCheckpoint = choice;
  }

  /** Runs (or skips) every planned run on this JVM's threads; returns the plan. */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides) {
    return run(sweepDir, overrides, false);
  }

  /** As {@link #run(Path, List, boolean, SweepExecutor)} on this JVM's threads. */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides, boolean discardChanged) {
    return run(sweepDir, overrides, discardChanged, new InProcessSweepExecutor(spec.workers(), () -> registry));
  }

  /** Runs (or skips) every planned run through {@code executor}, refusing changed runs; returns the plan. */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides, SweepExecutor executor) {
    return run(sweepDir, overrides, false, executor);
  }

  /**
   * Runs (or skips) every planned run through {@code executor}. A finished or interrupted run whose
   * {@link RunFingerprint} no longer matches its config is refused before anything runs, or discarded and run
   * again when {@code discardChanged}. The caller holds the sweep folder's
   * {@link org.rankcf.framework.util.FolderLock}.
   */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides, boolean discardChanged,
      SweepExecutor executor) {
    List<SweepPlan.PlannedRun> plan = SweepPlan.expand(spec);
    List<RunConfig> configs = new ArrayList<>();
    List<SweepRunTask> tasks = tasks(plan, sweepDir, overrides, discardChanged, configs);
    for (int r = 0; r < plan.size(); r++) {
      checkFinished(sweepDir.resolve(plan.get(r).name()), configs.get(r), discardChanged);
    }
    SweepProgress.start(sweepDir, spec.name(), plan);
    try (ProgressMonitor progress = new ProgressMonitor(sweepDir, log)) {
      RungScores scores = new RungScores(spec, plan, configs.stream().map(RunConfig::metric).toList(), sweepDir);
      if (spec.halving() == null) {
        executor.execute(tasks, log);
      } else if (spec.halving().asynchronous()) {
        new AsynchronousHalving(spec, scores).run(tasks, executor, log);
      } else {
        new SuccessiveHalving(spec, scores).run(tasks, executor, log);
      }
    }
    return plan;
  }

  /**
   * The validated runs as self-contained tasks. Each config is pinned to the thread count resolved here, so
   * a run's default ({@code threads}: this machine's cores) does not change with the JVM it lands on.
   */
  public List<SweepRunTask> tasks(List<SweepPlan.PlannedRun> plan, Path sweepDir, List<String> overrides) {
    return tasks(plan, sweepDir, overrides, false, new ArrayList<>());
  }

  private List<SweepRunTask> tasks(List<SweepPlan.PlannedRun> plan, Path sweepDir, List<String> overrides,
      boolean discardChanged, List<RunConfig> configs) {
    ConfigLoader loader = new ConfigLoader(registry);
    List<SweepRunTask> tasks = new ArrayList<>();
    for (SweepPlan.PlannedRun run : plan) {
      overrides.forEach(o -> ConfigLoader.apply(run.config(), o));
      RunConfig config;
      try {
        config = loader.load(run.config(), run.name());
      } catch (UserInputException e) {
        throw new UserInputException(spec.file() + ": run " + run.name() + ": " + e.getMessage(), e);
      }
      configs.add(config);
      ObjectNode pinned = run.config().deepCopy().put("threads", config.threads());
      tasks.add(new SweepRunTask(run.index(), plan.size(), run.name(), pinned.toString(), sweepDir.toString(),
          repositoryRoot.toString(), dataRoot == null ? null : dataRoot.toString(), discardChanged,
          damagedCheckpoint, 0, false));
    }
    return tasks;
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
}
