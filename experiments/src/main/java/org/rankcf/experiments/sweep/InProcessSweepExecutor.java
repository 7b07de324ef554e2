package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.rankcf.framework.plugin.PluginRegistry;

/** The default executor: {@code workers} runs at a time on threads of this JVM. */
public final class InProcessSweepExecutor implements SweepExecutor {
  private final int workers;
  private final Supplier<PluginRegistry> registry;

  public InProcessSweepExecutor(int workers, Supplier<PluginRegistry> registry) {
    this.workers = workers;
    this.registry = registry;
  }

  @Override
  public void execute(List<SweepRunTask> tasks, PrintWriter log) {
    PluginRegistry plugins = registry.get();
    // an asynchronous search calls with one run at a time, from several threads
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, tasks.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (SweepRunTask task : tasks) {
        futures.add(pool.submit(() -> task.run(plugins, log)));
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
  }
}
