package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.framework.util.FolderLock;
import org.rankcf.framework.util.IoErrors;
import org.rankcf.framework.util.UserInputException;

/**
 * Where a sweep stands as a whole, read from its folder alone: the planned runs ({@code .status/sweep.json},
 * written when an invocation starts) and each run's {@link RunStatus}. The driver prints it as the sweep goes
 * and {@code rankcf sweep status DIR} prints the same, during the sweep or after it.
 *
 * @param interrupted runs whose status says running while no sweep holds the folder (a killed driver)
 * @param waiting runs not started yet in this invocation
 * @param etaSeconds from the pace of the runs finished in this invocation, NaN before the first one
 */
public record SweepProgress(String name, int total, int done, int pruned, int failed, int running, int paused,
    int interrupted, int waiting, double elapsedSeconds, double etaSeconds, List<RunStatus> failures) {
  static final String PLAN = "sweep.json";

  /** Records the plan and this invocation's start time. */
  static void start(Path sweepDir, String name, List<SweepPlan.PlannedRun> plan) {
    ObjectNode node = Yaml.JSON.createObjectNode();
    node.put("name", name);
    node.put("started", System.currentTimeMillis());
    ArrayNode runs = node.putArray("runs");
    plan.forEach(run -> runs.add(run.name()));
    Path file = sweepDir.resolve(RunStatus.FOLDER).resolve(PLAN);
    try {
      Files.createDirectories(file.getParent());
      RunDirectory.writeAtomically(file, Yaml.JSON.writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw IoErrors.at(file, "write", e);
    }
  }

  /** The progress of the sweep in {@code sweepDir}; a one-line error if it is not a sweep folder. */
  public static SweepProgress read(Path sweepDir) {
    Path file = sweepDir.resolve(RunStatus.FOLDER).resolve(PLAN);
    if (!Files.exists(file)) {
      throw UserInputException.inFile(sweepDir, "not a sweep folder (no " + RunStatus.FOLDER + "/" + PLAN
          + "; it is written when rankcf sweep starts)");
    }
    JsonNode plan;
    try {
      plan = Yaml.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw UserInputException.inFile(file, "unreadable (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    long started = plan.path("started").asLong();
    boolean live = isLive(sweepDir);
    int done = 0;
    int pruned = 0;
    int failed = 0;
    int running = 0;
    int paused = 0;
    int interrupted = 0;
    int waiting = 0;
    int finishedNow = 0;
    long last = started;
    List<RunStatus> failures = new ArrayList<>();
    for (JsonNode runName : plan.path("runs")) {
      String run = runName.asText();
      RunStatus status = RunStatus.read(sweepDir, run);
      if (status == null) {
        // a run committed before status files existed counts as done
        if (Files.exists(sweepDir.resolve(run).resolve("metrics.json"))) {
          done++;
        } else {
          waiting++;
        }
        continue;
      }
      if (status.finished() >= started && status.state() != RunStatus.State.RUNNING) {
        finishedNow++;
        last = Math.max(last, status.finished());
      }
      switch (status.state()) {
        case DONE -> done++;
        case PRUNED -> pruned++;
        case FAILED -> {
          failed++;
          failures.add(status);
        }
        case PAUSED -> paused++;
        case RUNNING -> {
          if (live) {
            running++;
          } else {
            interrupted++;
          }
        }
      }
    }
    int total = plan.path("runs").size();
    double elapsed = ((live ? System.currentTimeMillis() : last) - started) / 1000.0;
    int remaining = total - done - pruned - failed;
    double eta = finishedNow == 0 ? Double.NaN : elapsed / finishedNow * remaining;
    return new SweepProgress(plan.path("name").asText(), total, done, pruned, failed, running, paused, interrupted,
        waiting, elapsed, eta, failures);
  }

  /** Whether a sweep process holds the folder: its lock file names a holder (emptied on release). */
  private static boolean isLive(Path sweepDir) {
    Path lock = sweepDir.resolve(FolderLock.FILE);
    try {
      return Files.exists(lock) && !Files.readString(lock).isBlank();
    } catch (IOException e) {
      return false;
    }
  }

  /** One line: {@code sweep NAME: 27 runs: 12 done, 5 pruned, 1 failed, 2 running, ...; 3m10s elapsed, ETA 5m00s}. */
  public String line() {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "sweep %s: %d runs: %d done, %d pruned, %d failed, "
        + "%d running", name, total, done, pruned, failed, running));
    if (paused > 0) {
      line.append(", ").append(paused).append(" paused at a rung");
    }
    if (interrupted > 0) {
      line.append(", ").append(interrupted).append(" interrupted");
    }
    line.append(", ").append(waiting).append(" to start; ").append(duration(elapsedSeconds)).append(" elapsed");
    if (total == done + pruned + failed) {
      line.append(", finished");
    } else {
      line.append(", ETA ").append(Double.isNaN(etaSeconds) ? "unknown" : duration(etaSeconds));
    }
    return line.toString();
  }

  /** The counts alone (no times): a progress line is printed again only when they change. */
  String counts() {
    return done + "/" + pruned + "/" + failed + "/" + running + "/" + paused + "/" + interrupted + "/" + waiting;
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
