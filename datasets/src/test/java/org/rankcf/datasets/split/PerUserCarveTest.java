package org.rankcf.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.with;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.ConfigException;

/** IR-Benchmark's per-user validation carve (LOSSES.md §P2) through the given split. */
class PerUserCarveTest {
  @TempDir Path dir;

  /** User u (0..4) owns items 0..(4u+1): 1, 5, 9, 13 and 17 train items; one test pair each. */
  private DatasetSpec writeData() {
    StringBuilder train = new StringBuilder();
    StringBuilder test = new StringBuilder();
    for (int u = 0; u < 5; u++) {
      train.append(u);
      for (int i = 0; i <= 4 * u; i++) {
        train.append(' ').append(i);
      }
      train.append('\n');
      test.append(u).append(' ').append(19).append('\n');
    }
    write(dir, "train.txt", train.toString());
    write(dir, "test.txt", test.toString());
    return with(spec(dir), "carve", "per-user");
  }

  private SplitData load(DatasetSpec spec, long seed) {
    return DatasetLoader.load(spec.withSplit("given", seed), dir);
  }

  @Test
  void eachUserGivesMaxOfFloorTenPercentAndOne() {
    SplitData split = load(writeData(), 2024);
    // |P_u| = 1, 5, 9, 13, 17: a single item stays in train, then 1, 1, 1, 1
    int[] expected = {0, 1, 1, 1, 1};
    for (int u = 0; u < 5; u++) {
      assertThat(split.validation().userDegree(u)).as("user %d", u).isEqualTo(expected[u]);
      assertThat(split.train().userDegree(u)).isEqualTo(4 * u + 1 - expected[u]);
    }
    assertThat(split.protocol()).isEqualTo("given(seed=2024,validation=0.1,carve=per-user)");
    assertThat(pairs(split.test())).isEqualTo("[0:19, 1:19, 2:19, 3:19, 4:19]");
  }

  @Test
  void goldenCarveOfSeed2024() {
    // pinned: a change of the draw order or of the random stream shows here
    SplitData split = load(with(writeData(), "validation", 0.25), 2024);
    assertThat(pairs(split.validation())).isEqualTo(GOLDEN_2024);
    Interactions files = load(with(writeData(), "validation", 0.0), 2024).train();
    assertThat(pairs(split.train().union(split.validation()))).isEqualTo(pairs(files));
    assertThat(split.train().union(split.validation()).size()).isEqualTo(split.train().size() + split.validation().size());
  }

  /** floor(0.25 * |P_u|) for |P_u| = 5, 9, 13, 17: 1, 2, 3, 4 items. */
  private static final String GOLDEN_2024 = "[1:1, 2:3, 2:6, 3:3, 3:6, 3:8, 4:2, 4:13, 4:14, 4:16]";

  @Test
  void aNewSeedRedrawsTheCarveAndTheSameSeedRepeatsIt() {
    DatasetSpec spec = with(writeData(), "validation", 0.25);
    assertThat(load(spec, 7).hash()).isEqualTo(load(spec, 7).hash());
    assertThat(pairs(load(spec, 7).validation())).isNotEqualTo(pairs(load(spec, 8).validation()));
  }

  @Test
  void countRule() {
    assertThat(PerUserCarve.count(0, 0.1)).isZero();
    assertThat(PerUserCarve.count(1, 0.1)).isZero();
    assertThat(PerUserCarve.count(2, 0.1)).isEqualTo(1);
    assertThat(PerUserCarve.count(19, 0.1)).isEqualTo(1);
    assertThat(PerUserCarve.count(20, 0.1)).isEqualTo(2);
    assertThat(PerUserCarve.count(30, 0.1)).isEqualTo(3); // 0.1 * 30 = 3.0000000000000004
    assertThat(PerUserCarve.count(99, 0.1)).isEqualTo(9);
  }

  @Test
  void anUnknownCarveNamesTheKey() {
    assertThatThrownBy(() -> with(DatasetSpec.DEFAULTS, "carve", "per-item"))
        .isInstanceOf(ConfigException.class).hasMessage("carve: must be pairs or per-user (got 'per-item')");
  }
}
