package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.TimeToTarget.Reached;

class TimeToTargetTest {
  /** Epoch e trains for 1 + e seconds and evaluates for 0.5 s. */
  static List<EpochRecord> trajectory(double... ndcg) {
    List<EpochRecord> epochs = new ArrayList<>();
    double elapsed = 0;
    for (int e = 0; e < ndcg.length; e++) {
      elapsed += 1 + e + 0.5;
      epochs.add(new EpochRecord(e, "tune", 0.5, Map.of(), Map.of("ndcg@20", ndcg[e]), 1, 1, 1, 1, new double[0],
          new double[0], 1 + e, Map.of(), 0.5 * e, 0.5, elapsed, false));
    }
    return epochs;
  }

  @Test
  void timesToBestAndToAFractionOfIt() {
    // best 0.60 at epoch 4; 95% of it is 0.57, first reached by 0.58 at epoch 2
    TimeToTarget t = TimeToTarget.of(trajectory(0.10, 0.30, 0.58, 0.48, 0.60, 0.59), "ndcg@20", 0.95);

    assertThat(t.best()).isEqualTo(0.60);
    assertThat(t.target()).isEqualTo(0.57, org.assertj.core.api.Assertions.within(1e-12));
    // elapsed after epoch e: sum_{k<=e} (1.5 + k); train: sum_{k<=e} (1 + k)
    assertThat(t.toBest()).isEqualTo(new Reached(4, 5, 7.5 + 10, 5 + 10));
    assertThat(t.toFraction()).isEqualTo(new Reached(2, 3, 4.5 + 3, 3 + 3));
  }

  @Test
  void theFirstOfTiedBestsCounts() {
    TimeToTarget t = TimeToTarget.of(trajectory(0.2, 0.5, 0.5), "ndcg@20", 1.0);
    assertThat(t.toBest().epoch()).isEqualTo(1);
    assertThat(t.toFraction().epoch()).isEqualTo(1);
  }

  @Test
  void missingAndNonFiniteValuesNeverReach() {
    List<EpochRecord> epochs = trajectory(Double.NaN, 0.4, Double.POSITIVE_INFINITY, 0.3);
    TimeToTarget t = TimeToTarget.of(epochs, "ndcg@20", 0.5);
    assertThat(t.best()).isEqualTo(0.4);
    assertThat(t.toFraction().epoch()).isEqualTo(1);
    assertThat(TimeToTarget.firstReaching(epochs, "ndcg@20", 0.41)).isEmpty();
    assertThat(TimeToTarget.firstReaching(epochs, "recall@20", 0.0)).isEmpty();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> TimeToTarget.of(trajectory(0.1), "ndcg@20", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeToTarget.of(trajectory(0.1), "mrr@20", 0.9))
        .hasMessage("no epoch has a finite validation mrr@20");
  }
}
