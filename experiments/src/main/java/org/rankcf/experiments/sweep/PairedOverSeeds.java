package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rankcf.evaluation.stats.PairedComparison;
import org.rankcf.reports.schema.RunMetrics;

/**
 * Treatment against baseline over seeds, per headline test metric: both means, the change in % of the
 * baseline's mean, and the p-values of the paired t-test and the Wilcoxon signed-rank test (each seed one pair).
 */
final class PairedOverSeeds {
  private PairedOverSeeds() {}

  /** Adds the fields to {@code node}; {@code baseline.get(k)} and {@code treatment.get(k)} are seed k's runs. */
  static void addTo(ObjectNode node, List<RunMetrics> baseline, List<RunMetrics> treatment, List<String> metrics) {
    for (String metric : metrics) {
      PairedComparison c = PairedComparison.of(values(baseline, metric), values(treatment, metric));
      node.put("test_" + metric + "_baseline_mean", c.meanBaseline());
      node.put("test_" + metric + "_treatment_mean", c.meanTreatment());
      node.put("test_" + metric + "_change_pct", 100 * c.meanDifference() / c.meanBaseline());
      node.put("test_" + metric + "_ttest_p_over_seeds", c.tTestP());
      node.put("test_" + metric + "_wilcoxon_p_over_seeds", c.wilcoxonP());
    }
  }

  private static double[] values(List<RunMetrics> runs, String metric) {
    return runs.stream().mapToDouble(run -> run.test().getOrDefault(metric, Double.NaN)).toArray();
  }
}
