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
        new Candidate("bpr", "1", 0.2, 10), new Candidate("bpr", "1", 0.3, 10),
        new Candidate("bpr+sr", "1", Double.NaN, 10), new Candidate("bpr+sr", "1", 0.1, 10),
        new Candidate("bpr", "2", 0.5, 10), new Candidate("bpr", "2", 0.5, 10)));

    assertThat(List.of(0, 1, 2, 3, 4, 5)).filteredOn(selection::isSelected).containsExactly(1, 3, 4);
    assertThat(selection.byArmAndSeed()).containsExactly(
        Map.entry("bpr", Map.of("1", 1, "2", 4)), Map.entry("bpr+sr", Map.of("1", 3)));
  }

  @Test
  void armsComeInTheOrderOfTheirSelectedRuns() {
    ModelSelection selection = ModelSelection.of(List.of(
        new Candidate("a", "1", 0.1, 10), new Candidate("b", "1", 0.9, 10), new Candidate("a", "1", 0.5, 10),
        new Candidate("b", "1", 0.2, 10)));
    assertThat(selection.byArmAndSeed().keySet()).containsExactly("b", "a");
  }

  @Test
  void anArmWhoseRunsAllLackAValueStillHasOneSelected() {
    ModelSelection selection = ModelSelection.of(List.of(
        new Candidate("a", "", Double.NaN, 10), new Candidate("a", "", Double.NaN, 10)));
    assertThat(selection.byArmAndSeed()).containsExactly(Map.entry("a", Map.of("", 0)));
  }

  @Test
  void betweenEqualValuesTheRunThatTrainedLongerWinsAndRunsWithoutMetricsTakeNoPart() {
    java.util.List<Candidate> candidates = new java.util.ArrayList<>();
    candidates.add(new Candidate("a", "1", 0.4, 9));
    candidates.add(new Candidate("a", "1", 0.4, 27));
    candidates.add(new Candidate("a", "1", 0.3, 81));
    candidates.add(null);
    candidates.add(new Candidate("b", "1", 0.1, 3));
    ModelSelection selection = ModelSelection.of(candidates);

    assertThat(List.of(0, 1, 2, 3, 4)).filteredOn(selection::isSelected).containsExactly(1, 4);
    assertThat(selection.byArmAndSeed()).containsExactly(
        Map.entry("a", Map.of("1", 1)), Map.entry("b", Map.of("1", 4)));
  }
}
