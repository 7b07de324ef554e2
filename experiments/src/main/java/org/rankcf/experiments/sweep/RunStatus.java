package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.framework.util.IoErrors;

/**
 * Where one run of a sweep stands, written by the run's task into {@code SWEEP/.status/NAME.json} (on the
 * storage every node sees), so that the driver's progress line and {@code rankcf sweep status} read the
 * same thing from the folder alone. One file per run: tasks on different hosts never write the same file.
 *
 * @param epochs epochs trained so far (0 while running)
 * @param error the failure's one-line message, or null
 * @param started when the latest attempt started (ms since the epoch)
 * @param finished when it ended, or 0 while running
 */
public record RunStatus(String run, State state, int epochs, String error, long started, long finished, String host) {
  /** The folder of status files inside a sweep folder. */
  public static final String FOLDER = ".status";

  /** A run's states; {@link #PAUSED} waits at a rung of a search for the decision to go on or stop. */
  public enum State {
    RUNNING, PAUSED, DONE, PRUNED, FAILED;

    /** Whether the run needs nothing more (done, pruned, or failed until the sweep is run again). */
    public boolean finalState() {
      return this == DONE || this == PRUNED || this == FAILED;
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A run starting now on this host. */
  static RunStatus starting(String run) {
    return new RunStatus(run, State.RUNNING, 0, null, System.currentTimeMillis(), 0, localHost());
  }

  /** The same attempt, ended in {@code state}. */
  RunStatus ended(State state, int epochs, String error) {
    return new RunStatus(run, state, epochs, error, started, System.currentTimeMillis(), host);
  }

  public void write(Path sweepDir) {
    ObjectNode node = Yaml.JSON.createObjectNode();
    node.put("run", run);
    node.put("status", state.key());
    node.put("epochs", epochs);
    if (error != null) {
      node.put("error", error);
    }
    node.put("started", started);
    node.put("finished", finished);
    node.put("host", host);
    Path file = file(sweepDir, run);
    try {
      Files.createDirectories(file.getParent());
      RunDirectory.writeAtomically(file, Yaml.JSON.writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw IoErrors.at(file, "write", e);
    }
  }

  /** The run's status file, or null when it has none (never started, or run before status files existed). */
  public static RunStatus read(Path sweepDir, String run) {
    Path file = file(sweepDir, run);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      JsonNode node = Yaml.JSON.readTree(file.toFile());
      return new RunStatus(node.path("run").asText(run), State.valueOf(node.path("status").asText().toUpperCase(Locale.ROOT)),
          node.path("epochs").asInt(), node.hasNonNull("error") ? node.get("error").asText() : null,
          node.path("started").asLong(), node.path("finished").asLong(), node.path("host").asText(""));
    } catch (IOException | IllegalArgumentException e) {
      throw org.rankcf.framework.util.UserInputException.inFile(file, "not a run status (" + e.getMessage()
          .lines().findFirst().orElse("") + ")");
    }
  }

  static Path file(Path sweepDir, String run) {
    return sweepDir.resolve(FOLDER).resolve(run + ".json");
  }

  /** A failure as one line: the message's first line, or the exception's type when it has none. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    String first = message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    return first;
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }
}
