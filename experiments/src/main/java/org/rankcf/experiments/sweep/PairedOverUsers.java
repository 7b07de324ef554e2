package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rankcf.evaluation.stats.PairedComparison;
import org.rankcf.reports.schema.PerUserCsv;

/**
 * Treatment against baseline over users, on the per-user test values of the selection metric: per seed a
 * paired t-test and Wilcoxon test over the users both runs evaluated, and the same pooled over the seeds
 * (each user of each seed one pair). Runs without per-user values (older run folders) are left out.
 */
final class PairedOverUsers {
  private PairedOverUsers() {}

  /**
   * Adds {@code per_user_tests} and, when any seed had per-user values, the pooled p-values and pair count.
   *
   * @param baseline seed k's baseline run folder at index k, paired with {@code treatment}'s
   */
  static void addTo(ObjectNode node, List<String> seeds, List<Path> baseline, List<Path> treatment, String metric) {
    ArrayNode perSeed = node.putArray("per_user_tests");
    List<double[]> pooledBase = new ArrayList<>();
    List<double[]> pooledTreat = new ArrayList<>();
    for (int k = 0; k < seeds.size(); k++) {
      Map<Integer, Double> a = PerUserCsv.read(baseline.get(k), metric);
      Map<Integer, Double> b = PerUserCsv.read(treatment.get(k), metric);
      if (a == null || b == null) {
        continue;
      }
      double[][] pair = paired(a, b);
      pooledBase.add(pair[0]);
      pooledTreat.add(pair[1]);
      PairedComparison c = PairedComparison.of(pair[0], pair[1]);
      ObjectNode row = perSeed.addObject();
      row.put("seed", seeds.get(k));
      row.put("users", c.n());
      row.put("test_" + metric + "_ttest_p", c.tTestP());
      row.put("test_" + metric + "_wilcoxon_p", c.wilcoxonP());
    }
    if (!pooledBase.isEmpty()) {
      PairedComparison c = PairedComparison.of(concat(pooledBase), concat(pooledTreat));
      node.put("test_" + metric + "_ttest_p_over_users", c.tTestP());
      node.put("test_" + metric + "_wilcoxon_p_over_users", c.wilcoxonP());
      node.put("user_pairs", c.n());
    }
  }

  /** The values of the users both maps hold, in the baseline's order, as aligned arrays {baseline, treatment}. */
  static double[][] paired(Map<Integer, Double> baseline, Map<Integer, Double> treatment) {
    double[] x = baseline.keySet().stream().filter(treatment::containsKey).mapToDouble(baseline::get).toArray();
    double[] y = baseline.keySet().stream().filter(treatment::containsKey).mapToDouble(treatment::get).toArray();
    return new double[][] {x, y};
  }

  private static double[] concat(List<double[]> parts) {
    return parts.stream().flatMapToDouble(Arrays::stream).toArray();
  }
}
