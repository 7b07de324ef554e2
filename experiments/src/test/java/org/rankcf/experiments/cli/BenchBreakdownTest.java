package org.rankcf.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.train.EpochRecord;

/** The bench's per-config line: the terms' and the update's medians, every timed epoch and their mean. */
class BenchBreakdownTest {
  private static EpochRecord epoch(int epoch, double trainSeconds, double termSeconds, double updateSeconds) {
    return new EpochRecord(epoch, "tune", 1.0, Map.of("slatk", 1.0), Map.of(), 1, 1, 1, 1, new double[0],
        new double[0], trainSeconds, Map.of("slatk", termSeconds), updateSeconds, 0, 0, false);
  }

  @Test
  void listsEveryEpochAndTheirMean() {
    List<EpochRecord> epochs = List.of(epoch(1, 6.0, 4.0, 0.5), epoch(2, 6.5, 4.5, 0.7), epoch(3, 9.5, 4.1, 3.6));
    // mean (6.0 + 6.5 + 9.5) / 3 = 7.333; medians 4.1 and 0.7
    assertThat(BenchCommand.epochBreakdown("food", epochs)).isEqualTo(
        "- food: slatk 4.100 s, update (backward, optimiser, forward) 0.700 s; epochs 6.000 6.500 9.500 s, mean 7.333 s"
            + System.lineSeparator());
  }
}
