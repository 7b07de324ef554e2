package org.rankcf.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetStats.Quantiles;

class DatasetStatsTest {
  @TempDir Path dir;

  private DatasetStats stats() {
    write(dir.resolve("tiny"), "train.txt", "0 0 1 2\n1 0\n3\n");
    write(dir.resolve("tiny"), "test.txt", "0 3\n2 1 4\n");
    return DatasetStats.of(DatasetLoader.load(spec(dir.resolve("tiny")).withValidation(0), dir));
  }

  @Test
  void countsByHand() {
    DatasetStats s = stats();
    assertThat(s.users()).isEqualTo(4);
    assertThat(s.items()).isEqualTo(5);
    assertThat(s.activeUsers()).isEqualTo(3);
    assertThat(s.activeItems()).isEqualTo(5);
    assertThat(s.trainPairs()).isEqualTo(4);
    assertThat(s.validationPairs()).isZero();
    assertThat(s.testPairs()).isEqualTo(3);
    assertThat(s.allPairs()).isEqualTo(7);
    assertThat(s.density()).isEqualTo(0.35);
    assertThat(s.testUsers()).isEqualTo(2);
    assertThat(s.coldTestUsers()).isEqualTo(1);
    assertThat(s.coldTestItems()).isEqualTo(2);
    // user degrees over all parts 4, 1, 2; item degrees 2, 2, 1, 1, 1 (nearest rank)
    assertThat(s.userDegrees()).isEqualTo(new Quantiles(1, 1, 2, 4, 4, 4, 4));
    assertThat(s.itemDegrees()).isEqualTo(new Quantiles(1, 1, 1, 2, 2, 2, 2));
  }

  @Test
  void formatsAnAlignedTable() {
    assertThat(stats().format()).isEqualTo("""
        tiny  given
                      users  items
        total             4      5
        with pairs        3      5
        in test           2
        cold in test      1      2

        pairs  train  validation  test  all   density
                   4           0     3    7  35.0000%

        degree  min  25%  50%  75%  90%  99%  max
        users     1    1    2    4    4    4    4
        items     1    1    1    2    2    2    2
        """);
  }
}
