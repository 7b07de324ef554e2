package org.rankcf.reports.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run's manifest.json: what ran, on what data, where.
 *
 * @param config the resolved config as a tree (kebab-case keys, every default filled in)
 * @param environment facts about the code and machine: git_commit, git_dirty, java_version, java_vm, os, cpu,
 *     cores, max_heap_bytes, kernel_path
 */
public record Manifest(String name, long seed, JsonNode config, Data data, Map<String, Object> environment) {
  public Manifest {
    environment = RunMetrics.ordered(environment);
  }

  /**
   * The data a run trained and was evaluated on.
   *
   * @param protocol the split protocol and its parameters, with the count of dropped unseen pairs
   * @param selectsOnTest whether the split has no validation set (epochs are then selected on test)
   * @param splitHash hash of the split's three pair sets: equal hashes, equal data
   * @param loadSeconds seconds to read and split the data
   */
  public record Data(String name, String protocol, int users, int items, int trainPairs, int validationPairs,
      int testPairs, boolean selectsOnTest, String splitHash, double loadSeconds) {}

  /** The manifest.json of a run folder. */
  public static Manifest read(Path runDir) {
    return RunJson.read(runDir.resolve(RunFiles.MANIFEST), Manifest.class, Map.of());
  }
}
