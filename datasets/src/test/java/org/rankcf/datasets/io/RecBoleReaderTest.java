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

class RecBoleReaderTest {
  @TempDir Path dir;

  @Test
  void columnsInAnyOrderAndTokensInStringOrder() {
    Path file = write(dir, "shop.inter",
        "item_id:token\ttimestamp:float\tuser_id:token\trating:float\tnote:token_seq\n"
            + "b\t100.5\tu2\t4\tx y\n"
            + "a\t99\tu10\t5\t\n"
            + "b\t101\tu10\t1\tz\n");
    PairData data = read(file);
    assertThat(data.name()).isEqualTo("shop");
    assertThat(data.numUsers()).isEqualTo(2);
    assertThat(data.users().external(0)).isEqualTo("u10"); // "u10" < "u2" as strings
    assertThat(data.items().external(1)).isEqualTo("b");
    assertThat(pairs(data.interactions(Part.ALL))).isEqualTo("[0:0, 0:1, 1:1]");
    PairTable all = data.part(Part.ALL);
    assertThat(all.user(0)).isEqualTo(1);
    assertThat(all.rating(1)).isEqualTo(5.0);
    assertThat(all.timestamp(0)).isEqualTo(100.5);
  }

  @Test
  void integerTokensSortNumericallyAcrossTrainAndTestFiles() {
    write(dir, "ml.train.inter", "user_id:token\titem_id:token\n10\t300\n2\t7\n");
    write(dir, "ml.test.inter", "user_id:token\titem_id:token\n2\t300\n33\t7\n");
    PairData data = read(dir);
    assertThat(data.name()).isEqualTo(dir.getFileName().toString());
    assertThat(data.users().external(0)).isEqualTo("2");
    assertThat(data.users().external(1)).isEqualTo("10");
    assertThat(data.users().external(2)).isEqualTo("33");
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[0:0, 1:1]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[0:1, 2:0]");
    assertThat(data.hasRatings()).isFalse();
  }

  @Test
  void manyTokensSurviveTableGrowth() {
    StringBuilder text = new StringBuilder("user_id:token\titem_id:token\n");
    for (int k = 0; k < 5000; k++) {
      text.append("user").append(k % 1500).append('\t').append("item").append(k % 1777).append('\n');
    }
    PairData data = read(write(dir, "big.inter", text.toString()));
    assertThat(data.numUsers()).isEqualTo(1500);
    assertThat(data.numItems()).isEqualTo(1777);
    assertThat(data.users().dense("user999")).isBetween(0, 1499);
    assertThat(data.users().external(data.users().dense("user999"))).isEqualTo("user999");
  }

  @Test
  void headerWithoutIdFieldsIsAnError() {
    Path file = write(dir, "x.inter", "uid:token\titem_id:token\n1\t2\n");
    assertThatThrownBy(() -> read(file))
        .hasMessageContaining(file + ":1:")
        .hasMessageContaining("user_id and item_id");
  }

  @Test
  void wrongColumnCountNamesFileAndLine() {
    Path file = write(dir, "x.inter", "user_id:token\titem_id:token\trating:float\n1\t2\t3\n1\t2\n");
    assertThatThrownBy(() -> read(file))
        .hasMessageContaining(file + ":3:")
        .hasMessageContaining("expected 3 columns as in the header, found 2");
  }

  @Test
  void badRatingAndEmptyTokenNameFileAndLine() {
    Path rating = write(dir, "r.inter", "user_id:token\titem_id:token\trating:float\n1\t2\tx\n");
    assertThatThrownBy(() -> read(rating)).hasMessageContaining(rating + ":2:").hasMessageContaining("rating 'x'");
    Path token = write(dir, "t/t.inter", "user_id:token\titem_id:token\n\t2\n");
    assertThatThrownBy(() -> read(token)).hasMessageContaining(token + ":2:").hasMessageContaining("empty user_id");
  }

  @Test
  void emptyFilesAreErrors() {
    Path empty = write(dir, "e/e.inter", "");
    assertThatThrownBy(() -> read(empty)).hasMessage(empty + ": empty file");
    Path headerOnly = write(dir, "h/h.inter", "user_id:token\titem_id:token\n");
    assertThatThrownBy(() -> read(headerOnly)).hasMessage(headerOnly + ": empty file (a header and no pairs)");
  }
}
