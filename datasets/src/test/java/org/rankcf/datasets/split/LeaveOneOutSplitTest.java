package org.rankcf.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.framework.data.SplitData;

class LeaveOneOutSplitTest {
  @TempDir Path dir;

  @Test
  void latestIsTestTheOneBeforeValidation() {
    Path file = write(dir, "pairs.csv", String.join("\n",
        "0,0,1,5", "0,1,1,9", "0,2,1,9", "0,3,1,1", // tie at 9: the larger item id is later
        "1,0,1,3", "1,1,1,2", "1,2,1,1", "1,0,1,0", // 1:0 seen twice: its latest time (3) counts
        "2,0,1,1", "2,1,1,2", // fewer than 3 items: all train
        "3,3,1,7", "3,0,1,7", "3,1,1,7"));
    SplitData split = DatasetLoader.load(spec(file).withSplit("leave-one-out", 1), dir);
    assertThat(split.protocol()).isEqualTo("leave-one-out(by=time)");
    assertThat(pairs(split.test())).isEqualTo("[0:2, 1:0, 3:3]");
    assertThat(pairs(split.validation())).isEqualTo("[0:1, 1:1, 3:1]");
    assertThat(pairs(split.train())).isEqualTo("[0:0, 0:3, 1:2, 2:0, 2:1, 3:0]");
  }

  @Test
  void withoutTimestampsOneRandomTestAndValidationItemPerUser() {
    StringBuilder all = new StringBuilder();
    for (int u = 0; u < 30; u++) {
      for (int i = 0; i < 2 + u % 5; i++) {
        all.append(u).append('\t').append(i).append('\n');
      }
    }
    Path file = write(dir, "pairs.tsv", all.toString());
    SplitData split = DatasetLoader.load(spec(file).withSplit("leave-one-out", 8), dir);
    assertThat(split.protocol()).isEqualTo("leave-one-out(seed=8)");
    for (int u = 0; u < 30; u++) {
      int expected = 2 + u % 5 >= 3 ? 1 : 0;
      assertThat(split.test().userDegree(u)).isEqualTo(expected);
      assertThat(split.validation().userDegree(u)).isEqualTo(expected);
      assertThat(split.train().userDegree(u)).isEqualTo(2 + u % 5 - 2 * expected);
    }
    assertThat(DatasetLoader.load(spec(file).withSplit("leave-one-out", 8), dir).hash()).isEqualTo(split.hash());
    assertThat(DatasetLoader.load(spec(file).withSplit("leave-one-out", 9), dir).hash()).isNotEqualTo(split.hash());
  }
}
