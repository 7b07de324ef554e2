package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * One run of a sweep, self-contained so that it can be shipped to another JVM: the config travels as JSON
 * and paths as strings. Running it again is safe: a committed run (metrics.json present) is skipped and an
 * interrupted one resumes from its checkpoint in {@code .name.partial}.
 */
public record SweepRunTask(int index, int total, String name, String configJson, String sweepDir,
    String repositoryRoot, String dataRoot, boolean discardChanged, DamagedCheckpoint damagedCheckpoint)
    implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Trains the run (or skips it) and returns the one-line summary it also logs. */
  public String run(PluginRegistry registry, PrintWriter log) {
    Path dir = Path.of(sweepDir);
    if (Files.exists(dir.resolve(name).resolve("metrics.json"))) {
      return say(log, "done earlier, skipped");
    }
    boolean resuming = Files.exists(dir.resolve("." + name + ".partial").resolve("checkpoint.bin"));
    say(log, resuming ? "resuming" : "starting");
    TrainingRun training = new TrainingRun(config(registry), Path.of(repositoryRoot),
        dataRoot == null ? null : Path.of(dataRoot));
    training.onDamagedCheckpoint(damagedCheckpoint);
    TrainingRun.RunOutcome outcome = training.executeResumable(dir, name, discardChanged);
    return say(log, String.format(Locale.ROOT, "best epoch %d, test ndcg@20 %.4f recall@20 %.4f",
        outcome.result().bestEpoch(), outcome.test().getOrDefault("ndcg@20", Double.NaN),
        outcome.test().getOrDefault("recall@20", Double.NaN)));
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
