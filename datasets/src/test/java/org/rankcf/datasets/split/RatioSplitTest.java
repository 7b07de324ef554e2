package org.rankcf.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.framework.data.SplitData;

class RatioSplitTest {
  @TempDir Path dir;

  private SplitData split(long seed) {
    StringBuilder all = new StringBuilder();
    int[] degrees = {1, 2, 3, 10, 20, 0, 5};
    for (int u = 0; u < degrees.length; u++) {
      for (int i = 0; i < degrees[u]; i++) {
        all.append(u).append('\t').append((7 * u + i) % 25).append('\n');
      }
    }
    Path file = write(dir, "pairs.tsv", all.toString());
    return DatasetLoader.load(spec(file).withSplit("ratio", seed), dir);
  }

  @Test
  void perUserSharesKeepSmallUsersInTest() {
    SplitData split = split(3);
    assertThat(split.protocol()).isEqualTo("ratio(seed=3,0.8/0.1/0.1)");
    int[][] expected = {{1, 0, 0}, {1, 0, 1}, {1, 1, 1}, {8, 1, 1}, {16, 2, 2}, {0, 0, 0}, {3, 1, 1}};
    for (int u = 0; u < expected.length; u++) {
      assertThat(new int[] {split.train().userDegree(u), split.validation().userDegree(u), split.test().userDegree(u)})
          .as("user " + u).containsExactly(expected[u]);
    }
    assertThat(split.train().union(split.validation()).union(split.test()).size()).isEqualTo(41);
  }

  @Test
  void deterministicInTheSeed() {
    assertThat(split(3).hash()).isEqualTo(split(3).hash());
    assertThat(split(4).hash()).isNotEqualTo(split(3).hash());
  }
}
