package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.PhaseKind;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.schema.Manifest;
import org.rankcf.reports.schema.RunFiles;
import org.rankcf.reports.schema.RunJson;
import org.rankcf.reports.schema.RunMetrics;
import org.rankcf.reports.schema.Trajectory;

/**
 * Reads run folders (manifest.json, trajectory.jsonl, metrics.json) and sweep folders (run folders as
 * sub-folders, plus optional results.json and stats.json), each file through its record in
 * {@link org.rankcf.reports.schema}. A missing or malformed file ends in a {@link UserInputException} naming
 * the file, and the line for trajectory.jsonl and for JSON syntax errors.
 */
public final class RunReader {
  public static final String MANIFEST = RunFiles.MANIFEST;
  public static final String TRAJECTORY = RunFiles.TRAJECTORY;
  public static final String METRICS = RunFiles.METRICS;
  public static final String RESULTS = RunFiles.RESULTS;
  public static final String STATS = RunFiles.STATS;

  private RunReader() {}

  /** A single run folder, labelled by its manifest name. */
  public static RunRecord read(Path runDir) {
    Manifest manifest = Manifest.read(runDir);
    return read(runDir, manifest.name(), manifest);
  }

  /**
   * A run folder (it holds metrics.json) or a folder of run folders. Runs are labelled by manifest name, or
   * by folder name where two runs share a name (seeds of one config).
   */
  public static RunSet readFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw UserInputException.inFile(dir, "no such folder");
    }
    if (Files.exists(dir.resolve(METRICS))) {
      return new RunSet(dir, List.of(read(dir)), Optional.empty(), Optional.empty(), List.of());
    }
    List<Path> runDirs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path child : subfolders(dir)) {
      if (Files.exists(child.resolve(METRICS))) {
        runDirs.add(child);
      } else {
        skipped.add(child.getFileName().toString());
      }
    }
    if (runDirs.isEmpty()) {
      throw UserInputException.inFile(dir, "neither a run folder (no " + METRICS + ") nor a folder of run folders");
    }
    List<Manifest> manifests = runDirs.stream().map(Manifest::read).toList();
    Map<String, Integer> nameCounts = new HashMap<>();
    manifests.forEach(m -> nameCounts.merge(m.name(), 1, Integer::sum));
    List<RunRecord> runs = new ArrayList<>();
    for (int r = 0; r < runDirs.size(); r++) {
      Path runDir = runDirs.get(r);
      String name = manifests.get(r).name();
      String label = name.isEmpty() || nameCounts.get(name) > 1 ? runDir.getFileName().toString() : name;
      RunRecord run = read(runDir, label, manifests.get(r));
      if (!runs.isEmpty() && !run.selectionMetric().equals(runs.get(0).selectionMetric())) {
        throw UserInputException.inFile(runDir.resolve(METRICS), "selection_metric " + run.selectionMetric()
            + " differs from " + runs.get(0).selectionMetric() + " of " + runs.get(0).directory().getFileName()
            + "; one report compares runs on one metric");
      }
      runs.add(run);
    }
    return new RunSet(dir, runs, optionalJson(dir.resolve(RESULTS)), optionalJson(dir.resolve(STATS)), skipped);
  }

  /** Visible sub-folders in name order; hidden ones are runs still being written. */
  private static List<Path> subfolders(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
          .toList();
    } catch (IOException e) {
      throw UserInputException.inFile(dir, "cannot list: " + e.getMessage());
    }
  }

  private static RunRecord read(Path runDir, String label, Manifest manifest) {
    Path metricsFile = runDir.resolve(METRICS);
    RunMetrics metrics = RunMetrics.read(runDir);
    List<EpochRecord> trajectory = readTrajectory(runDir.resolve(TRAJECTORY), metrics.selectionMetric());
    EpochRecord best = trajectory.stream().filter(e -> e.epoch() == metrics.bestEpoch()).findFirst().orElse(null);
    if (best == null || !best.validation().containsKey(metrics.selectionMetric())) {
      throw UserInputException.inFile(metricsFile, "best_epoch " + metrics.bestEpoch() + " is not "
          + (best == null ? "an epoch" : "a validated epoch") + " of " + TRAJECTORY);
    }
    return new RunRecord(label, runDir, RunJson.tree(manifest), trajectory, metrics);
  }

  /**
   * One epoch record a line, epochs increasing, each a known phase; the validated epochs carry the selection
   * metric (a run that validates every k epochs has epochs without validation).
   */
  public static List<EpochRecord> readTrajectory(Path file, String selectionMetric) {
    List<EpochRecord> epochs = new ArrayList<>();
    for (RunJson.Line<EpochRecord> line : Trajectory.read(file)) {
      EpochRecord epoch = line.value();
      if (Arrays.stream(PhaseKind.values()).noneMatch(p -> p.key().equals(epoch.phase()))) {
        throw UserInputException.atLine(file, line.number(), "'phase' must be warm or tune, got '" + epoch.phase() + "'");
      }
      if (!epoch.validation().isEmpty() && !epoch.validation().containsKey(selectionMetric)) {
        throw UserInputException.atLine(file, line.number(), "validation has no '" + selectionMetric + "' (the selection metric)");
      }
      if (!epochs.isEmpty() && epoch.epoch() <= epochs.get(epochs.size() - 1).epoch()) {
        throw UserInputException.atLine(file, line.number(),
            "epoch " + epoch.epoch() + " does not follow epoch " + epochs.get(epochs.size() - 1).epoch());
      }
      epochs.add(epoch);
    }
    if (epochs.stream().noneMatch(e -> e.validation().containsKey(selectionMetric))) {
      throw UserInputException.inFile(file, epochs.isEmpty() ? "holds no epoch"
          : "no epoch has '" + selectionMetric + "' (the selection metric)");
    }
    return epochs;
  }

  /** A whole JSON file as a tree. */
  public static JsonNode readJson(Path file) {
    return RunJson.readTree(file);
  }

  private static Optional<JsonNode> optionalJson(Path file) {
    return Files.exists(file) ? Optional.of(readJson(file)) : Optional.empty();
  }
}
