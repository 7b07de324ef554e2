package org.rankcf.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.ConfigException;

class TemporalSplitTest {
  @TempDir Path dir;

  @Test
  void cutsAtGlobalTimeQuantilesWithTiesInPairOrder() {
    Path file = write(dir, "pairs.csv", String.join("\n",
        "0,0,1,100", "0,1,1,20", "1,0,1,30", "1,1,1,40", "2,2,1,50",
        "2,3,1,60", "3,0,1,70", "3,3,1,90", "4,4,1,90", "4,0,1,10"));
    SplitData split = DatasetLoader.load(spec(file).withSplit("temporal", 0), dir);
    assertThat(split.protocol()).isEqualTo("temporal(0.8/0.1/0.1)");
    // by time: 4:0, 0:1, 1:0, 1:1, 2:2, 2:3, 3:0, then 3:3 and 4:4 tie at 90 (3:3 first), 0:0 last
    assertThat(pairs(split.train())).isEqualTo("[0:1, 1:0, 1:1, 2:2, 2:3, 3:0, 3:3, 4:0]");
    assertThat(pairs(split.validation())).isEqualTo("[4:4]");
    assertThat(pairs(split.test())).isEqualTo("[0:0]");
  }

  @Test
  void needsTimestamps() {
    Path file = write(dir, "pairs.tsv", "0\t0\t1\n");
    assertThatThrownBy(() -> DatasetLoader.load(spec(file).withSplit("temporal", 0), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage("split: 'temporal' needs timestamps; pairs has none");
  }
}
