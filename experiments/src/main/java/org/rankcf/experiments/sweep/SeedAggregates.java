package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.rankcf.reports.schema.RunMetrics;

/**
 * One arm's selected runs summarised over seeds for stats.json: the number of seeds, mean and sample
 * standard deviation of each headline test metric (a run without the metric counts as NaN), and the mean
 * seconds to the best epoch.
 */
final class SeedAggregates {
  private SeedAggregates() {}

  static ObjectNode of(List<RunMetrics> seeds, List<String> metrics) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("seeds", seeds.size());
    for (String metric : metrics) {
      SummaryStatistics s = new SummaryStatistics();
      seeds.forEach(run -> s.addValue(run.test().getOrDefault(metric, Double.NaN)));
      node.put("test_" + metric + "_mean", s.getMean());
      node.put("test_" + metric + "_std", s.getStandardDeviation());
    }
    SummaryStatistics seconds = new SummaryStatistics();
    seeds.forEach(run -> seconds.addValue(run.secondsToBest()));
    node.put("seconds_to_best_mean", seconds.getMean());
    return node;
  }
}
