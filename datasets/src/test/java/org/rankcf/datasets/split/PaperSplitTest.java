package org.rankcf.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.with;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.framework.data.SplitData;

class PaperSplitTest {
  @TempDir Path dir;

  /** 4 users x 5 items, every pair once, except 3:4 which is in both files. */
  @BeforeEach
  void fixture() {
    write(dir, "train.txt", "0 0 1 2 3\n1 0 1 2\n2 0 1 2 3 4\n3 0 4\n");
    write(dir, "test.txt", "0 4\n1 3 4\n3 1 2 3 4\n");
  }

  private SplitData split(long seed) {
    return DatasetLoader.load(spec(dir).withSplit("paper", seed), dir);
  }

  @Test
  void mergesDistinctPairsAndCutsByInteraction() {
    SplitData split = split(123);
    assertThat(split.protocol()).isEqualTo("paper(seed=123,0.8/0.1/0.1)");
    assertThat(split.train().size()).isEqualTo(16);
    assertThat(split.validation().size()).isEqualTo(2);
    assertThat(split.test().size()).isEqualTo(2);
    assertThat(split.train().union(split.validation()).union(split.test()).size()).isEqualTo(20);
  }

  /**
   * Pinned, and checked by hand once: Fisher-Yates with SplittableRandom(123) over 20 positions ends in
   * ..., 7, 12, 6, 8; in (user, item) order position 7 is 1:2, 12 is 2:2, 6 is 1:1 and 8 is 1:3.
   */
  @Test
  void goldenAssignmentForSeed123() {
    SplitData split = split(123);
    assertThat(pairs(split.validation())).isEqualTo("[1:2, 2:2]");
    assertThat(pairs(split.test())).isEqualTo("[1:1, 1:3]");
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    assertThat(split(123).hash()).isEqualTo(split(123).hash());
    assertThat(split(246).hash()).isNotEqualTo(split(123).hash());
  }

  @Test
  void fractionsAreConfigurable() {
    DatasetSpec spec = with(spec(dir).withSplit("paper", 9),
        "train-fraction", 0.7, "validation-fraction", 0.0, "test-fraction", 0.3);
    SplitData split = DatasetLoader.load(spec, dir);
    assertThat(split.protocol()).isEqualTo("paper(seed=9,0.7/0/0.3)");
    assertThat(split.train().size()).isEqualTo(14);
    assertThat(split.selectsOnTest()).isTrue();
    assertThat(split.test().size()).isEqualTo(6);
  }
}
