package org.rankcf.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.read;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.Part;
import org.rankcf.framework.util.UserInputException;

/** LF, CRLF and bare CR files read alike, with the same line numbers in errors. */
class LineEndingsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void everyLineEndReadsTheSamePairs(String end) {
    write(dir, "train.txt", String.join(end, "0 1 2", "", "1 0", "2 2") + end);
    write(dir, "test.txt", String.join(end, "0 3", "1 2"));
    PairData data = read(dir);
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[0:1, 0:2, 1:0, 2:2]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[0:3, 1:2]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void errorsNameTheSameLine(String end) {
    write(dir, "train.txt", String.join(end, "0 1", "", "1 x") + end);
    write(dir, "test.txt", "0 1" + end);
    assertThatThrownBy(() -> read(dir)).isInstanceOf(UserInputException.class).hasMessageContaining("train.txt:3:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void tabSeparatedFilesWithAHeaderToo(String end) {
    write(dir, "train.tsv", String.join(end, "user\titem", "1\t1", "2\t2", "3\t1") + end);
    write(dir, "test.tsv", String.join(end, "user\titem", "1\t2", "2\t1"));
    PairData data = read(dir);
    assertThat(data.part(Part.TRAIN).size()).isEqualTo(3);
    assertThat(data.part(Part.TEST).size()).isEqualTo(2);
  }
}
