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
import org.rankcf.framework.util.UserInputException;

class LightGcnReaderTest {
  @TempDir Path dir;

  @Test
  void readsUserItemListsAndCountsUsersWithoutItems() {
    write(dir, "train.txt", "0 1 2\n1\n3 0\n");
    write(dir, "test.txt", "0 3\n2 1\n");
    PairData data = read(dir);
    assertThat(data.numUsers()).isEqualTo(4);
    assertThat(data.numItems()).isEqualTo(4);
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[0:1, 0:2, 3:0]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[0:3, 2:1]");
    assertThat(data.hasRatings()).isFalse();
    assertThat(data.hasTimestamps()).isFalse();
    assertThat(data.users().external(3)).isEqualTo("3");
  }

  @Test
  void aLastUserWithoutItemsStillCounts() {
    write(dir, "train.txt", "0 0\n5\n");
    write(dir, "test.txt", "0 1\n");
    assertThat(read(dir).numUsers()).isEqualTo(6);
  }

  @Test
  void toleratesBlankLinesCrLfTabsAndTrailingSpace() {
    write(dir, "train.txt", "\uFEFF0 1\t2  \r\n\r\n\n1 0\r\n");
    write(dir, "test.txt", "1 2");
    PairData data = read(dir);
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[0:1, 0:2, 1:0]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[1:2]");
  }

  @Test
  void duplicatesCollapseInInteractions() {
    write(dir, "train.txt", "0 1 1\n0 1\n");
    write(dir, "test.txt", "0 2\n");
    PairData data = read(dir);
    assertThat(data.part(Part.TRAIN).size()).isEqualTo(3);
    assertThat(data.interactions(Part.TRAIN).size()).isEqualTo(1);
  }

  @Test
  void nonIntegerIdNamesFileAndLine() {
    write(dir, "train.txt", "0 1\n1 2 x3\n");
    write(dir, "test.txt", "0 2\n");
    assertThatThrownBy(() -> read(dir))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining(dir.resolve("train.txt") + ":2:")
        .hasMessageContaining("item id 'x3' is not an integer");
  }

  @Test
  void negativeIdNamesFileAndLine() {
    write(dir, "train.txt", "0 1\n");
    write(dir, "test.txt", "0 2\n\n-1 2\n");
    assertThatThrownBy(() -> read(dir))
        .hasMessageContaining(dir.resolve("test.txt") + ":3:")
        .hasMessageContaining("user id -1 is negative");
  }

  @Test
  void idBelowAnExplicitBaseIsNegativeAfterIt() {
    write(dir, "train.txt", "1 1 2\n2 0\n");
    write(dir, "test.txt", "1 2\n");
    assertThatThrownBy(() -> read(dir, "id-base", "1"))
        .hasMessageContaining(dir.resolve("train.txt") + ":2:")
        .hasMessageContaining("item id 0 is negative after the id base 1");
  }

  @Test
  void tooLargeIdIsAnError() {
    write(dir, "train.txt", "0 99999999999\n");
    write(dir, "test.txt", "0 1\n");
    assertThatThrownBy(() -> read(dir)).hasMessageContaining("train.txt:1:").hasMessageContaining("too large");
  }

  @Test
  void emptyFileIsAnError() {
    write(dir, "train.txt", "0 1\n");
    write(dir, "test.txt", "\n  \n");
    assertThatThrownBy(() -> read(dir))
        .isInstanceOf(UserInputException.class)
        .hasMessage(dir.resolve("test.txt") + ": empty file");
  }

  @Test
  void missingTestFileIsAnError() {
    write(dir, "train.txt", "0 1\n");
    assertThatThrownBy(() -> read(dir))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining(dir.resolve("test.txt") + ": missing file");
  }

  @Test
  void sparseIdsAreRejected() {
    write(dir, "train.txt", "0 1\n");
    write(dir, "test.txt", "0 5000000\n");
    assertThatThrownBy(() -> read(dir)).hasMessageContaining("integer ids must be dense");
  }
}
