package org.rankcf.experiments.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Prints the sweep's {@link SweepProgress} line while it runs, whenever the counts change. It reads the folder
 * like {@code rankcf sweep status} does, so it sees runs on other hosts (Spark) the same way as local ones.
 */
final class ProgressMonitor implements AutoCloseable {
  private static final long POLL_MILLIS = 2000;

  private final Path sweepDir;
  private final PrintWriter log;
  private final Thread thread;
  private String printed = "";

  ProgressMonitor(Path sweepDir, PrintWriter log) {
    this.sweepDir = sweepDir;
    this.log = log;
    this.thread = new Thread(this::poll, "sweep-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(POLL_MILLIS);
        try {
          printIfChanged();
        } catch (RuntimeException e) {
          // a status file unreadable for a moment (shared storage): the next poll reads it again
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void printIfChanged() {
    SweepProgress progress = SweepProgress.read(sweepDir);
    if (!progress.counts().equals(printed)) {
      printed = progress.counts();
      log.println(progress.line());
      log.flush();
    }
  }

  /** Stops polling and prints the final line. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    printIfChanged();
  }
}
