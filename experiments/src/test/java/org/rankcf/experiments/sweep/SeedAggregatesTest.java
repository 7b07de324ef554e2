package org.rankcf.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rankcf.experiments.sweep.SweepStatsFixtures.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedAggregatesTest {
  @Test
  void meanAndSampleStdOverSeedsAMissingMetricIsNaN() {
    ObjectNode arm = SeedAggregates.of(List.of(
        run(Map.of("ndcg@20", 0.1, "recall@20", 0.4), 10),
        run(Map.of("ndcg@20", 0.2, "recall@20", 0.6), 20),
        run(Map.of("ndcg@20", 0.3), 60)), List.of("ndcg@20", "recall@20"));

    assertThat(arm.get("seeds").intValue()).isEqualTo(3);
    assertThat(arm.get("test_ndcg@20_mean").doubleValue()).isCloseTo(0.2, within(1e-15));
    // deviations -0.1, 0, 0.1: sum of squares 0.02 over n - 1 = 2 seeds
    assertThat(arm.get("test_ndcg@20_std").doubleValue()).isCloseTo(0.1, within(1e-15));
    assertThat(arm.get("test_recall@20_mean").doubleValue()).isNaN();
    assertThat(arm.get("seconds_to_best_mean").doubleValue()).isEqualTo(30.0);
    assertThat(arm.fieldNames()).toIterable().containsExactly("seeds", "test_ndcg@20_mean", "test_ndcg@20_std",
        "test_recall@20_mean", "test_recall@20_std", "seconds_to_best_mean");
  }

  @Test
  void oneSeedHasNoSpread() {
    ObjectNode arm = SeedAggregates.of(List.of(run(Map.of("ndcg@20", 0.25), 5)), List.of("ndcg@20"));
    assertThat(arm.get("test_ndcg@20_mean").doubleValue()).isEqualTo(0.25);
    assertThat(arm.get("test_ndcg@20_std").doubleValue()).isZero();
  }
}
