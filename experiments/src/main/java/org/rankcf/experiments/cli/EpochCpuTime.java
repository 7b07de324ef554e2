package org.rankcf.experiments.cli;

import java.lang.management.ManagementFactory;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.PhaseKind;
import org.rankcf.framework.train.TrainingListener;

/** Process CPU seconds (all threads) from each epoch's start to its end, for {@link BenchCommand}. */
final class EpochCpuTime implements TrainingListener {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final double[] seconds;
  private long started;

  EpochCpuTime(int epochs) {
    this.seconds = new double[epochs];
  }

  @Override
  public void epochStarted(int epoch, PhaseKind phase, int steps) {
    started = os.getProcessCpuTime();
  }

  @Override
  public void epochDone(EpochRecord record) {
    if (record.epoch() < seconds.length) {
      seconds[record.epoch()] = (os.getProcessCpuTime() - started) / 1e9;
    }
  }

  /** CPU seconds per epoch, indexed by epoch. */
  double[] seconds() {
    return seconds;
  }
}
