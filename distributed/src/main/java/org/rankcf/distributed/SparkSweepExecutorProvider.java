package org.rankcf.distributed;

import org.rankcf.experiments.sweep.SweepExecutor;
import org.rankcf.experiments.sweep.SweepExecutorProvider;

/** {@code --executor spark}: found by the sweep command through ServiceLoader when this module is on the class path. */
public final class SparkSweepExecutorProvider implements SweepExecutorProvider {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public SweepExecutor create(String master) {
    return new SparkSweepExecutor(master);
  }
}
