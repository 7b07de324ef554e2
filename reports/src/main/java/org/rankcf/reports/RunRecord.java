package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.schema.RunMetrics;

/**
 * One run folder, read: its manifest (kept as a tree: it holds the free-form resolved config), the
 * trajectory (one record per epoch, in order) and metrics.json.
 *
 * @param label a short name for legends and tables, unique within a report
 */
public record RunRecord(
    String label, Path directory, JsonNode manifest, List<EpochRecord> trajectory, RunMetrics metrics) {

  public RunRecord {
    trajectory = List.copyOf(trajectory);
  }

  /** The run's name in its manifest. */
  public String name() {
    return manifest.path("name").asText(directory.getFileName().toString());
  }

  /** The resolved config (kebab-case keys), an empty tree when the manifest has none. */
  public JsonNode config() {
    return manifest.path("config");
  }

  /** Whether the config has a train.warm-start section (an override may have set it to null: no warm start). */
  public boolean warmStart() {
    JsonNode warm = config().path("train").path("warm-start");
    return !warm.isMissingNode() && !warm.isNull();
  }

  public String selectionMetric() {
    return metrics.selectionMetric();
  }

  /** The first tune-phase epoch that follows a warm one, or -1 when the phase never switched. */
  public int switchEpoch() {
    for (int k = 1; k < trajectory.size(); k++) {
      if (trajectory.get(k - 1).phase().equals("warm") && trajectory.get(k).phase().equals("tune")) {
        return trajectory.get(k).epoch();
      }
    }
    return -1;
  }

  /** The trajectory record of an epoch; the reader guarantees the best epoch is present. */
  public EpochRecord epoch(int epoch) {
    for (EpochRecord record : trajectory) {
      if (record.epoch() == epoch) {
        return record;
      }
    }
    throw new IllegalArgumentException("run " + label + " has no epoch " + epoch);
  }

  public EpochRecord best() {
    return epoch(metrics.bestEpoch());
  }

  public EpochRecord last() {
    return trajectory.get(trajectory.size() - 1);
  }
}
