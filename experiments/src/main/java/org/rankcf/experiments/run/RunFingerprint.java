package org.rankcf.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.schema.RunFiles;

/**
 * Everything that determines a run's results, stored as {@code fingerprint.json} in its folder: the
 * resolved config without the keys that cannot change them, and the split hash (which covers the data).
 * Resuming a checkpoint or skipping a finished sweep run is only allowed while it is unchanged.
 *
 * <p>Left out: {@code name} (the folder already is the name) and {@code threads}: the kernels reduce in
 * fixed chunks, so trained tables, metrics and spectra are bit-identical for any thread count (measured on
 * Last.fm MF-BPR with 1 and 2 threads); only the logged training loss can differ in its last bits. The code
 * version is not part of it either (docs/robustness.md states the policy): results are kept bit-identical
 * across commits unless a change says otherwise, and the commit is in manifest.json.
 */
public record RunFingerprint(ObjectNode content) {
  /** The file in a run folder. */
  public static final String FILE = RunFiles.FINGERPRINT;
  /** The command-line flag that discards a run whose fingerprint changed. */
  public static final String DISCARD_FLAG = "--discard-changed";
  private static final Set<String> IGNORED = Set.of("name", "threads");

  public static RunFingerprint of(RunConfig config, String splitHash) {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    ObjectNode resolved = config.resolved().deepCopy();
    IGNORED.forEach(resolved::remove);
    content.set("config", resolved);
    content.put("split_hash", splitHash);
    return new RunFingerprint(content);
  }

  /** The fingerprint stored in {@code folder}, or null when it has none. */
  public static RunFingerprint read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      JsonNode node = Yaml.JSON.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw UserInputException.inFile(file, "not a fingerprint (expected a JSON object); delete the run folder to start over");
      }
      return new RunFingerprint((ObjectNode) node);
    } catch (IOException e) {
      throw UserInputException.inFile(file, "unreadable fingerprint (" + e.getMessage().lines().findFirst().orElse("")
          + "); delete the run folder to start over");
    }
  }

  public void write(RunDirectory run) {
    run.writeJson(FILE, content);
  }

  /** What changed from {@code older} (null: no fingerprint) to this one, as {@code key: old -> new}. */
  public List<String> changesFrom(RunFingerprint older) {
    List<String> changes = new ArrayList<>();
    if (older == null) {
      changes.add("no fingerprint.json (the run was made by an older rankcf)");
      return changes;
    }
    diff("", older.content, content, changes);
    return changes;
  }

  /**
   * Throws, saying what changed and how to proceed, unless {@code older} equals this fingerprint.
   *
   * @param what e.g. "the interrupted run in runs/x"
   * @param discardHint the flag that discards the old run
   */
  public void requireSameAs(RunFingerprint older, String what, String discardHint) {
    List<String> changes = changesFrom(older);
    if (!changes.isEmpty()) {
      throw new UserInputException(what + " was made with different settings (" + String.join("; ", changes)
          + "): use a new --out to keep it, or " + discardHint + " to discard it");
    }
  }

  private static void diff(String prefix, JsonNode older, JsonNode newer, List<String> changes) {
    if (older != null && newer != null && older.isObject() && newer.isObject()) {
      Set<String> keys = new TreeSet<>();
      older.fieldNames().forEachRemaining(keys::add);
      newer.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(prefix.isEmpty() ? key : prefix + "." + key, older.get(key), newer.get(key), changes);
      }
    } else if (!same(older, newer)) {
      changes.add(prefix + ": " + show(older) + " -> " + show(newer));
    }
  }

  /** Equal values; numbers by value, since a file read back holds 7 as an int where the config held a long. */
  private static boolean same(JsonNode older, JsonNode newer) {
    if (older == null || newer == null) {
      return older == newer;
    }
    if (older.isNumber() && newer.isNumber()) {
      return older.decimalValue().compareTo(newer.decimalValue()) == 0;
    }
    return older.equals(newer);
  }

  private static String show(JsonNode node) {
    return node == null ? "(unset)" : node.isTextual() ? node.asText() : node.toString();
  }

  /** The config keys a fingerprint leaves out, for the docs and tests. */
  public static Set<String> ignoredKeys() {
    return IGNORED;
  }
}
