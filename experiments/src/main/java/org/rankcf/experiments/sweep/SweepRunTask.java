package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.run.DamagedCheckpoint;
import org.rankcf.experiments.run.TrainingRun;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.IoErrors;
import org.rankcf.reports.schema.ResultsRow;

/**
 * One run of a sweep, self-contained so that it can be shipped to another JVM: the config travels as JSON
 * and paths as strings. Running it again is safe: a committed run (metrics.json present) is skipped and an
 * interrupted one resumes from its checkpoint in {@code .name.partial}. A run that fails is recorded as
 * failed in its {@link RunStatus} and does not fail the task, so the other runs of the sweep go on.
 *
 * @param rungEpochs 0: train to the end; otherwise a search's rung: train up to this epoch and pause there
 *     (checkpointed, uncommitted), or, when {@code prune}, end and commit the run there as pruned
 */
public record SweepRunTask(int index, int total, String name, String configJson, String sweepDir,
    String repositoryRoot, String dataRoot, boolean discardChanged, DamagedCheckpoint damagedCheckpoint,
    int rungEpochs, boolean prune) implements Serializable {
  /** The stop reason in metrics.json of a run the search stopped: the same word as its results row's status. */
  public static final String PRUNED = ResultsRow.PRUNED;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** This run trained up to {@code epochs} and paused there, or (when {@code prune}) ended there as pruned. */
  public SweepRunTask atRung(int epochs, boolean prune) {
    return new SweepRunTask(index, total, name, configJson, sweepDir, repositoryRoot, dataRoot, discardChanged,
        damagedCheckpoint, epochs, prune);
  }

  /** Trains the run (or skips it) and returns the one-line summary it also logs. */
  public String run(PluginRegistry registry, PrintWriter log) {
    Path dir = Path.of(sweepDir);
    Path committed = dir.resolve(name).resolve("metrics.json");
    if (Files.exists(committed)) {
      settleStatus(dir, committed);
      return say(log, "done earlier, skipped");
    }
    boolean resuming = Files.exists(dir.resolve("." + name + ".partial").resolve("checkpoint.bin"));
    say(log, prune ? "stopped by the search at epoch " + rungEpochs : resuming ? "resuming" : "starting");
    RunStatus status = RunStatus.starting(name);
    status.write(dir);
    try {
      TrainingRun training = new TrainingRun(config(registry), Path.of(repositoryRoot),
          dataRoot == null ? null : Path.of(dataRoot));
      training.onDamagedCheckpoint(damagedCheckpoint);
      if (prune) {
        training.finishAt(rungEpochs, PRUNED);
      } else if (rungEpochs > 0) {
        training.pauseAt(rungEpochs);
      }
      TrainingRun.RunOutcome outcome = training.executeResumable(dir, name, discardChanged);
      String reason = outcome.result().stopReason();
      int epochs = outcome.result().epochs().size();
      if (TrainingRun.PAUSED.equals(reason)) {
        status.ended(RunStatus.State.PAUSED, epochs, null).write(dir);
        return say(log, "paused at the rung of " + epochs + " epochs (best epoch " + outcome.result().bestEpoch() + ")");
      }
      status.ended(PRUNED.equals(reason) ? RunStatus.State.PRUNED : RunStatus.State.DONE, epochs, null).write(dir);
      return say(log, String.format(Locale.ROOT, "%sbest epoch %d, test ndcg@20 %.4f recall@20 %.4f",
          PRUNED.equals(reason) ? "pruned after " + epochs + " epochs, " : "", outcome.result().bestEpoch(),
          outcome.test().getOrDefault("ndcg@20", Double.NaN), outcome.test().getOrDefault("recall@20", Double.NaN)));
    } catch (RuntimeException e) {
      String error = RunStatus.describe(e);
      status.ended(RunStatus.State.FAILED, 0, error).write(dir);
      return say(log, "FAILED: " + error);
    }
  }

  /**
   * A driver killed after a run committed its folder but before it recorded the end leaves the status "running":
   * the committed metrics say how it ended, so the progress line and {@code rankcf sweep status} count it right.
   */
  private void settleStatus(Path dir, Path committed) {
    RunStatus status = RunStatus.read(dir, name);
    if (status == null || status.state().finalState()) {
      return;
    }
    try {
      JsonNode metrics = JSON.readTree(committed.toFile());
      RunStatus.State state = PRUNED.equals(metrics.path("stop_reason").asText()) ? RunStatus.State.PRUNED : RunStatus.State.DONE;
      status.ended(state, metrics.path("epochs_run").asInt(), null).write(dir);
    } catch (IOException e) {
      throw IoErrors.at(committed, "read", e);
    }
  }

  /** The cores the run's trainer uses (pinned by {@link SweepRunner#tasks}). */
  public int threads() {
    return tree().get("threads").asInt();
  }

  /** The run's validated config. */
  public RunConfig config(PluginRegistry registry) {
    return new ConfigLoader(registry).load(tree(), name);
  }

  private ObjectNode tree() {
    try {
      return (ObjectNode) JSON.readTree(configJson);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String say(PrintWriter log, String what) {
    String line = String.format("[%d/%d] %s: %s", index + 1, total, name, what);
    log.println(line);
    log.flush();
    return line;
  }
}
