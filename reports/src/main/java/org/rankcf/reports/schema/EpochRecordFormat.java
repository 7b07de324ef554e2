package org.rankcf.reports.schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.rankcf.framework.train.EpochRecord;

/**
 * How an {@link EpochRecord} is a line of trajectory.jsonl: its components as snake_case keys in this order
 * (a Jackson mix-in, so that the framework's record stays free of JSON). {@link #OPTIONAL}: the per-term and
 * update timings arrived after the first trajectories were written; their absence means none measured.
 */
@JsonPropertyOrder({"epoch", "phase", "loss", "terms", "validation", "improved", "user_stable_rank",
    "item_stable_rank", "user_effective_rank", "item_effective_rank", "user_spectrum", "item_spectrum",
    "train_seconds", "term_seconds", "update_seconds", "eval_seconds", "elapsed_seconds"})
abstract class EpochRecordFormat {
  static final Map<String, Object> OPTIONAL = Map.of("term_seconds", Map.of(), "update_seconds", Double.NaN);

  private EpochRecordFormat() {}
}
