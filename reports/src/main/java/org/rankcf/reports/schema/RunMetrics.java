package org.rankcf.reports.schema;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's metrics.json: the selected (best) epoch, its validation and test metrics, times and peak memory.
 *
 * @param switchEpoch first tune-phase epoch, or -1 without a switch
 * @param selectedOnTest whether the split has no validation set, so that the epoch was selected on test
 * @param testUsers users with a test pair, over whom the test metrics average
 * @param trainSeconds training seconds of all epochs
 * @param evalSeconds evaluation and spectrum seconds of all epochs
 * @param secondsToBest elapsed training and evaluation seconds when the best epoch ended
 * @param memory peak_rss_mb (where /proc is readable) and peak_heap_mb of the JVM so far
 */
public record RunMetrics(
    int bestEpoch, int epochsRun, String stopReason, int switchEpoch, String selectionMetric,
    boolean selectedOnTest, Map<String, Double> validation, Map<String, Double> test, int testUsers,
    double userStableRank, double itemStableRank, double trainSeconds, double evalSeconds, double secondsToBest,
    Map<String, Long> memory) {

  /** Peak memory arrived after the first metrics files were written. */
  static final Map<String, Object> OPTIONAL = Map.of("memory", Map.of());

  public RunMetrics {
    validation = ordered(validation);
    test = ordered(test);
    memory = ordered(memory);
  }

  /** A read-only copy that keeps the order in which the metrics were computed (the file's order). */
  static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The metrics.json of a run folder. */
  public static RunMetrics read(Path runDir) {
    return RunJson.read(runDir.resolve(RunFiles.METRICS), RunMetrics.class, OPTIONAL);
  }
}
