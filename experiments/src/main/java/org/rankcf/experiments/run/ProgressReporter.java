package org.rankcf.experiments.run;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.PhaseKind;
import org.rankcf.framework.train.TrainingListener;

/**
 * Shows progress on standard error: a progress bar per epoch on a terminal, one log line per epoch
 * otherwise (CI logs, pipes). Standard output stays free for the run folder's path.
 */
public final class ProgressReporter implements TrainingListener {
  private final PrintStream out;
  private final boolean terminal;
  private final String metric;
  private ProgressBar bar;

  public ProgressReporter(PrintStream out, boolean terminal, String metric) {
    this.out = out;
    this.terminal = terminal;
    this.metric = metric;
  }

  @Override
  public void epochStarted(int epoch, PhaseKind phase, int steps) {
    if (terminal) {
      bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %3d %s", epoch, phase.key()))
          .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setConsumer(
              new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).build();
    }
  }

  @Override
  public void stepDone(int epoch, int step) {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void epochDone(EpochRecord r) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
    // an epoch the selection does not validate (train.validate-every > 1) shows a dash, not NaN
    Double value = r.validation().get(metric);
    String shown = value == null ? "     -" : String.format(Locale.ROOT, "%.4f", value);
    out.printf(Locale.ROOT, "epoch %3d %-4s loss %.4f  %s %s%s  srank U %.2f I %.2f  train %.2fs eval %.2fs%n",
        r.epoch(), r.phase(), r.loss(), metric, shown, r.improved() ? " *" : "  ", r.userStableRank(), r.itemStableRank(), r.trainSeconds(), r.evalSeconds());
  }
}
