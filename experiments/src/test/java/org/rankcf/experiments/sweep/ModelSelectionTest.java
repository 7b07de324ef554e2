package org.rankcf.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rankcf.experiments.sweep.ModelSelection.Candidate;

class ModelSelectionTest {
  @Test
  void picksTheBestValidationPerArmAndSeedTheFirstOfEqualOnesAndNaNLast() {
    ModelSelection selection = ModelSelection.of(List.of(
        new Candidate("bpr", "1", 0.2), new Candidate("bpr", "1", 0.3),
        new Candidate("bpr+sr", "1", Double.NaN), new Candidate("bpr+sr", "1", 0.1),
        new Candidate("bpr", "2", 0.5), new Candidate("bpr", "2", 0.5)));

    assertThat(List.of(0, 1, 2, 3, 4, 5)).filteredOn(selection::isSelected).containsExactly(1, 3, 4);
    assertThat(selection.byArmAndSeed()).containsExactly(
        Map.entry("bpr", Map.of("1", 1, "2", 4)), Map.entry("bpr+sr", Map.of("1", 3)));
  }

  @Test
  void armsComeInTheOrderOfTheirSelectedRuns() {
    ModelSelection selection = ModelSelection.of(List.of(
        new Candidate("a", "1", 0.1), new Candidate("b", "1", 0.9), new Candidate("a", "1", 0.5),
        new Candidate("b", "1", 0.2)));
    assertThat(selection.byArmAndSeed().keySet()).containsExactly("b", "a");
  }

  @Test
  void anArmWhoseRunsAllLackAValueStillHasOneSelected() {
    ModelSelection selection = ModelSelection.of(List.of(
        new Candidate("a", "", Double.NaN), new Candidate("a", "", Double.NaN)));
    assertThat(selection.byArmAndSeed()).containsExactly(Map.entry("a", Map.of("", 0)));
  }
}
