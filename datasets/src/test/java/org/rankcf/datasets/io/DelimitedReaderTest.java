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
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.UserInputException;

class DelimitedReaderTest {
  @TempDir Path dir;

  @Test
  void tabWithDetectedHeaderAndWeights() {
    write(dir, "train.tsv", "user_id\titem_id\tweight\n0\t2\t5\n1\t0\t7.5\n");
    write(dir, "test.tsv", "user\titem\tweight\n1\t1\t1\n");
    PairData data = read(dir);
    assertThat(data.name()).isEqualTo(dir.getFileName().toString());
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[0:2, 1:0]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[1:1]");
    PairTable train = data.part(Part.TRAIN);
    assertThat(data.hasRatings()).isTrue();
    assertThat(data.hasTimestamps()).isFalse();
    assertThat(train.rating(0)).isEqualTo(5.0);
    assertThat(train.rating(1)).isEqualTo(7.5);
  }

  @Test
  void commaWithRatingAndTimestampAndSpacesAroundFields() {
    write(dir, "train.csv", "0, 1, 4.5, 1000\n2 ,0,3,999\n");
    write(dir, "test.csv", "1,1,5,1001\n");
    PairData data = read(dir);
    PairTable train = data.part(Part.TRAIN);
    assertThat(data.hasTimestamps()).isTrue();
    assertThat(train.user(1)).isEqualTo(2);
    assertThat(train.rating(0)).isEqualTo(4.5);
    assertThat(train.timestamp(1)).isEqualTo(999.0);
    assertThat(data.numUsers()).isEqualTo(3);
  }

  @Test
  void whitespaceSeparatedWithoutHeader() {
    write(dir, "train.tsv", "0   1\n1  2\n");
    write(dir, "test.tsv", "0 2\n");
    assertThat(pairs(read(dir).interactions(Part.TRAIN))).isEqualTo("[0:1, 1:2]");
  }

  @Test
  void explicitDelimiterOverridesTheGuess() {
    write(dir, "train.tsv", "0;1\n");
    write(dir, "test.tsv", "0;2\n");
    assertThat(pairs(read(dir, "delimiter", "semicolon").interactions(Part.TEST))).isEqualTo("[0:2]");
    assertThatThrownBy(() -> read(dir, "delimiter", "comma"))
        .hasMessageContaining(dir.resolve("train.tsv") + ":1:")
        .hasMessageContaining("found 1");
  }

  @Test
  void forcedHeaderSkipsAnIntegerFirstLine() {
    write(dir, "train.tsv", "7\t7\n0\t1\n");
    write(dir, "test.tsv", "7\t7\n0\t0\n");
    assertThat(pairs(read(dir, "header", "true").interactions(Part.TRAIN))).isEqualTo("[0:1]");
  }

  @Test
  void headerSetToFalseMakesAHeaderAnError() {
    write(dir, "train.tsv", "user\titem\n0\t1\n");
    write(dir, "test.tsv", "0\t2\n");
    assertThatThrownBy(() -> read(dir, "header", "false"))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining(dir.resolve("train.tsv") + ":1:")
        .hasMessageContaining("user id 'user' is not an integer");
  }

  @Test
  void wrongColumnCountNamesFileAndLine() {
    write(dir, "train.tsv", "0\t1\t3\n1\t2\t4\n2\t2\n");
    write(dir, "test.tsv", "0\t2\t1\n");
    assertThatThrownBy(() -> read(dir))
        .hasMessageContaining(dir.resolve("train.tsv") + ":3:")
        .hasMessageContaining("expected 3 columns as on the first line, found 2");
  }

  @Test
  void fiveColumnsAreTooMany() {
    write(dir, "train.tsv", "h1\th2\n0\t1\t2\t3\t4\n");
    write(dir, "test.tsv", "0\t2\n");
    assertThatThrownBy(() -> read(dir))
        .hasMessageContaining(dir.resolve("train.tsv") + ":2:")
        .hasMessageContaining("expected 2 to 4 columns");
  }

  @Test
  void nonNumericRatingNamesFileAndLine() {
    write(dir, "train.tsv", "0\t1\t3\n1\t2\tfive\n");
    write(dir, "test.tsv", "0\t2\t1\n");
    assertThatThrownBy(() -> read(dir))
        .hasMessageContaining(dir.resolve("train.tsv") + ":2:")
        .hasMessageContaining("rating 'five' is not a number");
  }

  @Test
  void nonIntegerItemNamesFileAndLine() {
    write(dir, "train.tsv", "0\t1\n");
    write(dir, "test.tsv", "0\t1.5\n");
    assertThatThrownBy(() -> read(dir))
        .hasMessageContaining(dir.resolve("test.tsv") + ":1:")
        .hasMessageContaining("item id '1.5' is not an integer");
  }

  @Test
  void emptyAndHeaderOnlyFilesAreErrors() {
    write(dir, "train.tsv", "");
    write(dir, "test.tsv", "0\t1\n");
    assertThatThrownBy(() -> read(dir)).hasMessage(dir.resolve("train.tsv") + ": empty file");
    write(dir, "train.tsv", "user\titem\n");
    assertThatThrownBy(() -> read(dir))
        .hasMessage(dir.resolve("train.tsv") + ": empty file (a header and no pairs)");
  }

  @Test
  void ratingThresholdNeedsARatingColumn() {
    write(dir, "train.tsv", "0\t1\n");
    write(dir, "test.tsv", "0\t2\n");
    assertThatThrownBy(() -> read(dir, "rating-threshold", 3.0))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rating-threshold:");
  }
}
