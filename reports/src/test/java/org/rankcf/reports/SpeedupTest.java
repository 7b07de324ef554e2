package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.util.UserInputException;

class SpeedupTest {
  @TempDir Path tmp;

  private RunSet sweep() {
    new SyntheticRun().name("bpr").seed(123).ndcg(0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.59).writeInto(tmp, "a-bpr-s123");
    new SyntheticRun().name("bpr").seed(246).ndcg(0.1, 0.2, 0.3).writeInto(tmp, "a-bpr-s246");
    new SyntheticRun().name("bpr-warm").seed(123).warm(1).ndcg(0.2, 0.4, 0.58, 0.62, 0.61).secondsPerEpoch(2.5)
        .writeInto(tmp, "b-warm-s123");
    new SyntheticRun().name("bpr-warm").seed(246).warm(1).ndcg(0.2, 0.25).writeInto(tmp, "b-warm-s246");
    new SyntheticRun().name("bpr-warm").seed(492).warm(1).ndcg(0.2, 0.25).writeInto(tmp, "b-warm-s492");
    return RunReader.readFolder(tmp);
  }

  @Test
  void pairsEachWarmStartRunWithTheSameConfigWithoutIt() {
    List<RunPair> pairs = RunPairs.derive(sweep().runs());
    assertThat(pairs).extracting(p -> p.warm().directory().getFileName().toString() + "/"
        + p.baseline().directory().getFileName()).containsExactly("b-warm-s123/a-bpr-s123", "b-warm-s246/a-bpr-s246");
  }

  @Test
  void aNullWarmStartIsNoWarmStart() {
    Path dir = new SyntheticRun().writeInto(tmp, "run");
    RunRecord run = RunReader.read(dir);
    ((com.fasterxml.jackson.databind.node.ObjectNode) run.config().path("train")).putNull("warm-start");
    assertThat(run.warmStart()).isFalse();
  }

  @Test
  void pairsByLabelWhenTold() {
    RunSet set = sweep();
    List<RunPair> pairs = RunPairs.byLabel(set.runs(), Map.of("b-warm-s492", "a-bpr-s123"));
    assertThat(pairs).singleElement().satisfies(p -> {
      assertThat(p.warm().label()).isEqualTo("b-warm-s492");
      assertThat(p.baseline().label()).isEqualTo("a-bpr-s123");
    });
    assertThatThrownBy(() -> RunPairs.byLabel(set.runs(), Map.of("nope", "a-bpr-s123")))
        .isInstanceOf(UserInputException.class).hasMessageStartingWith("no run labelled 'nope' to pair; the runs are [");
  }

  @Test
  void reductionsInEpochsAndSecondsToBestAndToTheBaselinesTarget() {
    RunPair pair = RunPairs.derive(sweep().runs()).get(0);
    Speedup s = Speedup.of(pair, "ndcg@20", 0.95);

    // baseline: best 0.6 after 7 epochs of 2 s; its 95% target 0.57 is first met by the best epoch
    assertThat(s.baseline().toBest().epochs()).isEqualTo(7);
    assertThat(s.baseline().toFraction().epochs()).isEqualTo(7);
    // warm start: best 0.62 after 4 epochs of 2.5 s; 0.58 >= 0.57 after 3 epochs
    assertThat(s.warm().toBest().epochs()).isEqualTo(4);
    assertThat(s.warmToTarget()).hasValueSatisfying(w -> assertThat(w.epochs()).isEqualTo(3));

    assertThat(s.epochsToBestReduction()).isCloseTo(100.0 * 3 / 7, within(1e-9));
    assertThat(s.secondsToBestReduction()).isCloseTo(100.0 * (14 - 10) / 14, within(1e-9));
    assertThat(s.epochsToTargetReduction()).isCloseTo(100.0 * 4 / 7, within(1e-9));
    assertThat(s.secondsToTargetReduction()).isCloseTo(100.0 * (14 - 7.5) / 14, within(1e-9));
    assertThat(s.testChange("ndcg@20")).isCloseTo(100.0 * (0.62 - 0.6) / 0.6, within(1e-9));
    assertThat(s.testChange("mrr@20")).isNaN();
  }

  @Test
  void aWarmStartThatNeverReachesTheTargetHasNoReduction() {
    RunSet set = sweep();
    RunPair pair = RunPairs.byLabel(set.runs(), Map.of("b-warm-s492", "a-bpr-s123")).get(0);
    Speedup s = Speedup.of(pair, "ndcg@20", 0.95);
    assertThat(s.warmToTarget()).isEmpty();
    assertThat(s.epochsToTargetReduction()).isNaN();
    assertThat(s.secondsToTargetReduction()).isNaN();
  }
}
