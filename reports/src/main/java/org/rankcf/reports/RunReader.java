package org.rankcf.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.util.UserInputException;

/**
 * Reads run folders (manifest.json, trajectory.jsonl, metrics.json) and sweep folders (run folders as
 * sub-folders, plus optional results.json and stats.json). A missing or malformed file ends in a
 * {@link UserInputException} naming the file, and the line for trajectory.jsonl and for JSON syntax errors.
 */
public final class RunReader {
  public static final String MANIFEST = "manifest.json";
  public static final String TRAJECTORY = "trajectory.jsonl";
  public static final String METRICS = "metrics.json";
  public static final String RESULTS = "results.json";
  public static final String STATS = "stats.json";

  // the run writer's default mapper writes NaN as a string, a hand-edited file may hold it bare
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private RunReader() {}

  /** A single run folder, labelled by its manifest name. */
  public static RunRecord read(Path runDir) {
    JsonNode manifest = readJson(runDir.resolve(MANIFEST));
    String label = manifest.path("name").asText(runDir.getFileName().toString());
    return read(runDir, label, manifest);
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
    List<JsonNode> manifests = runDirs.stream().map(p -> readJson(p.resolve(MANIFEST))).toList();
    Map<String, Integer> nameCounts = new HashMap<>();
    manifests.forEach(m -> nameCounts.merge(m.path("name").asText(""), 1, Integer::sum));
    List<RunRecord> runs = new ArrayList<>();
    for (int r = 0; r < runDirs.size(); r++) {
      Path runDir = runDirs.get(r);
      String name = manifests.get(r).path("name").asText("");
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

  private static RunRecord read(Path runDir, String label, JsonNode manifest) {
    Path metricsFile = runDir.resolve(METRICS);
    RunMetrics metrics = RunMetrics.from(new JsonFields(metricsFile, 0, readJson(metricsFile)));
    List<EpochRecord> trajectory = readTrajectory(runDir.resolve(TRAJECTORY), metrics.selectionMetric());
    EpochRecord best = trajectory.stream().filter(e -> e.epoch() == metrics.bestEpoch()).findFirst().orElse(null);
    if (best == null || !best.validation().containsKey(metrics.selectionMetric())) {
      throw UserInputException.inFile(metricsFile, "best_epoch " + metrics.bestEpoch() + " is not "
          + (best == null ? "an epoch" : "a validated epoch") + " of " + TRAJECTORY);
    }
    return new RunRecord(label, runDir, manifest, trajectory, metrics);
  }

  /**
   * One epoch record a line; the validated epochs carry the selection metric (a run that validates every
   * k epochs has epochs without validation) and at least one epoch is validated.
   */
  public static List<EpochRecord> readTrajectory(Path file, String selectionMetric) {
    List<EpochRecord> epochs = new ArrayList<>();
    List<String> lines = readText(file).lines().toList();
    for (int k = 0; k < lines.size(); k++) {
      if (lines.get(k).isBlank()) {
        continue;
      }
      JsonFields json = new JsonFields(file, k + 1, parse(file, lines.get(k), k));
      EpochRecord epoch = epoch(json);
      if (!epoch.validation().isEmpty() && !epoch.validation().containsKey(selectionMetric)) {
        throw json.error("validation has no '" + selectionMetric + "' (the selection metric)");
      }
      if (!epochs.isEmpty() && epoch.epoch() <= epochs.get(epochs.size() - 1).epoch()) {
        throw json.error("epoch " + epoch.epoch() + " does not follow epoch " + epochs.get(epochs.size() - 1).epoch());
      }
      epochs.add(epoch);
    }
    if (epochs.stream().noneMatch(e -> e.validation().containsKey(selectionMetric))) {
      throw UserInputException.inFile(file, epochs.isEmpty() ? "holds no epoch"
          : "no epoch has '" + selectionMetric + "' (the selection metric)");
    }
    return epochs;
  }

  private static EpochRecord epoch(JsonFields json) {
    String phase = json.text("phase");
    if (!phase.equals("warm") && !phase.equals("tune")) {
      throw json.error("'phase' must be warm or tune, got '" + phase + "'");
    }
    return new EpochRecord(json.integer("epoch"), phase, json.number("loss"), json.numberMap("terms"),
        json.numberMap("validation"), json.number("user_stable_rank"), json.number("item_stable_rank"),
        json.number("user_effective_rank"), json.number("item_effective_rank"), json.numbers("user_spectrum"),
        json.numbers("item_spectrum"), json.number("train_seconds"), json.numberMap("term_seconds", true),
        json.number("update_seconds", Double.NaN), json.number("eval_seconds"), json.number("elapsed_seconds"),
        json.bool("improved"));
  }

  /** A whole JSON file as a tree. */
  public static JsonNode readJson(Path file) {
    String text = readText(file);
    if (text.isBlank()) {
      throw UserInputException.inFile(file, "is empty");
    }
    return parse(file, text, 0);
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw UserInputException.inFile(file, "no such file");
    } catch (IOException e) {
      throw UserInputException.inFile(file, "cannot read: " + e.getMessage());
    }
  }

  private static Optional<JsonNode> optionalJson(Path file) {
    return Files.exists(file) ? Optional.of(readJson(file)) : Optional.empty();
  }

  /** @param lineOffset lines before {@code text} in the file, so that syntax errors name the file's line */
  private static JsonNode parse(Path file, String text, long lineOffset) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      long line = lineOffset + (e.getLocation() == null ? 1 : e.getLocation().getLineNr());
      String reason = e.getOriginalMessage().lines().findFirst().orElse("");
      throw UserInputException.atLine(file, line, "malformed JSON: " + reason);
    }
  }
}
