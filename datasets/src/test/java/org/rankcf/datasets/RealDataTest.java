package org.rankcf.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.testing.DataPaths;

/** The shared real data sets load with the counts their README states. */
class RealDataTest {
  private static final Path ROOT = DataPaths.root();

  /** The splitters' own output: unseen-in-train pairs kept, as the pins below were taken. */
  private static SplitData load(DatasetSpec spec) {
    return DatasetLoader.load(TestFiles.with(spec, "unseen", "keep"), ROOT);
  }

  private static String shared(String name) {
    return DataPaths.sharedData(name).toString();
  }

  @Test
  void bundledLastfmMatchesItsReadme() {
    PairData data = DatasetLoader.read(DatasetSpec.DEFAULTS, ROOT);
    assertThat(data.numUsers()).isEqualTo(1892);
    assertThat(data.numItems()).isEqualTo(4489);
    assertThat(data.part(Part.TRAIN).size()).isEqualTo(42135);
    assertThat(data.part(Part.TEST).size()).isEqualTo(10533);
    SplitData given = load(DatasetSpec.DEFAULTS.withValidation(0));
    assertThat(given.train().size()).isEqualTo(42135); // no duplicates to drop
    assertThat(given.test().size()).isEqualTo(10533);
    DatasetStats stats = DatasetStats.of(given);
    assertThat(stats.activeUsers()).isEqualTo(1880);
    assertThat(stats.coldTestUsers()).isEqualTo(2);
    assertThat(stats.coldTestItems()).isEqualTo(13);
    assertThat(data.users().external(0)).isEqualTo("1"); // 1-based ids detected
  }

  @Test
  void bundledAndSharedLastfmSplitAlike() {
    DatasetSpec shared = DatasetSpec.DEFAULTS.withPath(shared("lastfm"));
    assertThat(load(shared).hash()).isEqualTo(load(DatasetSpec.DEFAULTS).hash());
    assertThat(load(shared.withValidation(0)).hash()).isEqualTo(load(DatasetSpec.DEFAULTS.withValidation(0)).hash());
    assertThat(load(shared).protocol()).isEqualTo("given(seed=123,validation=0.1)");
  }

  @Test
  void byDefaultLastfmsUnseenInTrainPairsLeaveEvaluation() {
    SplitData kept = load(DatasetSpec.DEFAULTS);
    SplitData dropped = DatasetLoader.load(DatasetSpec.DEFAULTS, ROOT);
    assertThat(dropped.protocol()).isEqualTo("given(seed=123,validation=0.1); dropped unseen-in-train pairs: test 87, validation 37");
    assertThat(dropped.test().size()).isEqualTo(kept.test().size() - 87);
    assertThat(dropped.validation().size()).isEqualTo(kept.validation().size() - 37);
    assertThat(dropped.train().size()).isEqualTo(kept.train().size());
  }

  @Test
  void paperSplitOfLastfmIsPinned() {
    SplitData split = load(DatasetSpec.DEFAULTS.withSplit("paper", 123));
    assertThat(split.protocol()).isEqualTo("paper(seed=123,0.8/0.1/0.1)");
    assertThat(split.train().size()).isEqualTo(42134); // floor(52668 * 0.8)
    assertThat(split.validation().size()).isEqualTo(5266);
    assertThat(split.test().size()).isEqualTo(5268);
    assertThat(split.hash()).isEqualTo("1ee32053ccf12a96f3cf939b2aeb6d7e0ab2b9d6ae70c00359015b5de0b544b3");
    assertThat(load(DatasetSpec.DEFAULTS.withSplit("paper", 123)).hash()).isEqualTo(split.hash());
    assertThat(load(DatasetSpec.DEFAULTS.withSplit("paper", 246)).hash()).isNotEqualTo(split.hash());
  }

  @Test
  void gowallaLoadsAndItsPaperSplitIsPinned() {
    DatasetSpec gowalla = DatasetSpec.DEFAULTS.withPath(shared("gowalla"));
    PairData data = DatasetLoader.read(gowalla, ROOT);
    assertThat(data.numUsers()).isEqualTo(29858);
    assertThat(data.numItems()).isEqualTo(40981);
    assertThat(data.interactions(Part.TRAIN).size()).isEqualTo(810128);
    assertThat(data.interactions(Part.TEST).size()).isEqualTo(217242);
    SplitData paper = load(gowalla.withSplit("paper", 123));
    assertThat(paper.train().size()).isEqualTo(821896);
    assertThat(paper.validation().size()).isEqualTo(102737);
    assertThat(paper.test().size()).isEqualTo(102737);
    assertThat(paper.hash()).isEqualTo("5383be205c0de07ac466bd53a442fbe2eabb513a031e9cf3e8361dceee8ee43e");
  }

  @ParameterizedTest
  @CsvSource({
      "amazon2014-cd, 12784, 13874, 283608, 77155",
      "douban-book, 18662, 15207, 743085, 195088",
      "food, 5875, 9852, 184106, 48932"})
  void benchmarkSetsWithHeadersLoad(String name, int users, int items, int train, int test) {
    SplitData split = load(DatasetSpec.DEFAULTS.withPath(shared(name)).withValidation(0));
    assertThat(split.name()).isEqualTo(name);
    assertThat(split.numUsers()).isEqualTo(users);
    assertThat(split.numItems()).isEqualTo(items);
    assertThat(split.train().size()).isEqualTo(train);
    assertThat(split.test().size()).isEqualTo(test);
  }
}
