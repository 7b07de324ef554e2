package org.rankcf.reports;

import java.util.Map;

/**
 * A run's metrics.json: the selected (best) epoch and its test metrics.
 *
 * @param switchEpoch first tune-phase epoch, or -1 without a switch
 * @param secondsToBest elapsed training and evaluation seconds when the best epoch ended
 */
public record RunMetrics(
    int bestEpoch, int epochsRun, String stopReason, int switchEpoch, String selectionMetric,
    Map<String, Double> validation, Map<String, Double> test, double userStableRank, double itemStableRank,
    double trainSeconds, double evalSeconds, double secondsToBest) {

  static RunMetrics from(JsonFields json) {
    return new RunMetrics(
        json.integer("best_epoch"), json.integer("epochs_run"), json.text("stop_reason"),
        json.integer("switch_epoch", -1), json.text("selection_metric"), json.numberMap("validation"),
        json.numberMap("test"), json.number("user_stable_rank", Double.NaN),
        json.number("item_stable_rank", Double.NaN), json.number("train_seconds", Double.NaN),
        json.number("eval_seconds", Double.NaN), json.number("seconds_to_best", Double.NaN));
  }
}
