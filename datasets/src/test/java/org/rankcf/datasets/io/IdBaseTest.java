package org.rankcf.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.read;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.Part;

class IdBaseTest {
  @TempDir Path dir;

  @Test
  void autoPicksOneWhenNoFileHasZeroAndTheSmallestIdIsOne() {
    write(dir, "train.tsv", "1\t3\n2\t1\n");
    write(dir, "test.tsv", "4\t2\n");
    PairData data = read(dir);
    assertThat(data.numUsers()).isEqualTo(4);
    assertThat(data.numItems()).isEqualTo(3);
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[0:2, 1:0]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[3:1]");
    assertThat(data.users().external(0)).isEqualTo("1");
    assertThat(data.items().dense("3")).isEqualTo(2);
  }

  @Test
  void autoDecidesOverTrainAndTestTogether() {
    write(dir, "train.tsv", "1\t3\n2\t1\n");
    write(dir, "test.tsv", "0\t2\n");
    PairData data = read(dir);
    assertThat(data.numUsers()).isEqualTo(3);
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[1:3, 2:1]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[0:2]");
  }

  @Test
  void autoKeepsZeroWhenTheSmallestIdIsAboveOne() {
    write(dir, "train.tsv", "2\t3\n");
    write(dir, "test.tsv", "3\t2\n");
    PairData data = read(dir);
    assertThat(data.numUsers()).isEqualTo(4);
    assertThat(data.users().external(2)).isEqualTo("2");
  }

  @Test
  void explicitZeroKeepsOneBasedIdsAsTheyAre() {
    write(dir, "train.tsv", "1\t3\n2\t1\n");
    write(dir, "test.tsv", "4\t2\n");
    PairData data = read(dir, "id-base", "0");
    assertThat(data.numUsers()).isEqualTo(5);
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[4:2]");
  }

  @Test
  void explicitOneRejectsAZeroInTheTestFile() {
    write(dir, "train.tsv", "1\t3\n2\t1\n");
    write(dir, "test.tsv", "4\t2\n0\t1\n");
    assertThatThrownBy(() -> read(dir, "id-base", "1"))
        .hasMessageContaining(dir.resolve("test.tsv") + ":2:")
        .hasMessageContaining("user id 0 is negative after the id base 1");
  }
}
