package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a report covers: one run, or the runs of a sweep folder with its optional summaries.
 *
 * @param root the folder the report is written into
 * @param runs the runs, ordered by folder name
 * @param results the sweep's results.json, when present
 * @param stats the sweep's stats.json, when present
 * @param skipped sub-folders that hold no metrics.json (failed or unfinished runs)
 */
public record RunSet(Path root, List<RunRecord> runs, Optional<JsonNode> results, Optional<JsonNode> stats,
    List<String> skipped) {

  public RunSet {
    runs = List.copyOf(runs);
    skipped = List.copyOf(skipped);
  }

  /** The selection metric of the first run; the runs of one sweep share it. */
  public String selectionMetric() {
    return runs.get(0).selectionMetric();
  }
}
