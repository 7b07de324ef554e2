package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.UserInputException;

/**
 * Executes a sweep's runs into one folder through a {@link SweepExecutor} (by default {@code workers} threads
 * of this JVM). A run whose folder already holds metrics.json is skipped; a run interrupted half-way resumes
 * from its checkpoint. Every run's config is validated before the first one starts, so a typo in the last
 * variant does not surface hours later.
 */
public final class SweepRunner {
  private final SweepSpec spec;
  private final PluginRegistry registry;
  private final Path repositoryRoot;
  private final Path dataRoot;
  private final PrintWriter log;

  public SweepRunner(SweepSpec spec, PluginRegistry registry, Path repositoryRoot, Path dataRoot, PrintWriter log) {
    this.spec = spec;
    this.registry = registry;
    this.repositoryRoot = repositoryRoot;
    this.dataRoot = dataRoot;
    this.log = log;
  }

  /** Runs (or skips) every planned run on this JVM's threads; returns the plan. */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides) {
    return run(sweepDir, overrides, new InProcessSweepExecutor(spec.workers(), () -> registry));
  }

  /** Runs (or skips) every planned run through {@code executor}; returns the plan. */
  public List<SweepPlan.PlannedRun> run(Path sweepDir, List<String> overrides, SweepExecutor executor) {
    List<SweepPlan.PlannedRun> plan = SweepPlan.expand(spec);
    executor.execute(tasks(plan, sweepDir, overrides), log);
    return plan;
  }

  /**
   * The validated runs as self-contained tasks. Each config is pinned to the thread count resolved here, so
   * a run's default ({@code threads}: this machine's cores) does not change with the JVM it lands on.
   */
  public List<SweepRunTask> tasks(List<SweepPlan.PlannedRun> plan, Path sweepDir, List<String> overrides) {
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
      ObjectNode pinned = run.config().deepCopy().put("threads", config.threads());
      tasks.add(new SweepRunTask(run.index(), plan.size(), run.name(), pinned.toString(), sweepDir.toString(),
          repositoryRoot.toString(), dataRoot == null ? null : dataRoot.toString()));
    }
    return tasks;
  }
}
