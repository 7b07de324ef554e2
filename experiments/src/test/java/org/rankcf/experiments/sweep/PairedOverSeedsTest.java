package org.rankcf.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rankcf.experiments.sweep.SweepStatsFixtures.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class PairedOverSeedsTest {
  @Test
  void changeAndPairedTestsPerMetric() {
    double[] base = {0.1, 0.2, 0.3};
    double[] treat = {0.2, 0.25, 0.5};
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    PairedOverSeeds.addTo(node,
        List.of(run(Map.of("ndcg@20", base[0]), 1), run(Map.of("ndcg@20", base[1]), 1), run(Map.of("ndcg@20", base[2]), 1)),
        List.of(run(Map.of("ndcg@20", treat[0]), 1), run(Map.of("ndcg@20", treat[1]), 1), run(Map.of("ndcg@20", treat[2]), 1)),
        List.of("ndcg@20"));

    assertThat(node.get("test_ndcg@20_baseline_mean").doubleValue()).isCloseTo(0.2, within(1e-15));
    assertThat(node.get("test_ndcg@20_treatment_mean").doubleValue()).isCloseTo(0.95 / 3, within(1e-15));
    // differences 0.1, 0.05, 0.2: mean 0.35 / 3, in % of the baseline's mean 0.2
    assertThat(node.get("test_ndcg@20_change_pct").doubleValue()).isCloseTo(100 * (0.35 / 3) / 0.2, within(1e-9));
    assertThat(node.get("test_ndcg@20_ttest_p_over_seeds").doubleValue())
        .isCloseTo(new TTest().pairedTTest(treat, base), within(1e-12));
    // exact Wilcoxon, 3 pairs all improving: the most extreme of 2^3 sign patterns, two-sided 2/8
    assertThat(node.get("test_ndcg@20_wilcoxon_p_over_seeds").doubleValue()).isCloseTo(0.25, within(1e-12));
    assertThat(node.fieldNames()).toIterable().containsExactly("test_ndcg@20_baseline_mean",
        "test_ndcg@20_treatment_mean", "test_ndcg@20_change_pct", "test_ndcg@20_ttest_p_over_seeds",
        "test_ndcg@20_wilcoxon_p_over_seeds");
  }
}
