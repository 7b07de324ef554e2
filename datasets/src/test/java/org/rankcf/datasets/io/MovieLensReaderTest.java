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

class MovieLensReaderTest {
  @TempDir Path dir;

  @Test
  void ratingsDatIsOneBasedWithRatingAndTime() {
    Path file = write(dir, "ml-1m/ratings.dat", "1::193::5::978300760\n1::61::3::978302109\n2::193::4::978298413\n");
    PairData data = read(file);
    assertThat(data.name()).isEqualTo("ml-1m");
    assertThat(data.parts()).containsOnlyKeys(Part.ALL);
    assertThat(data.numUsers()).isEqualTo(2);
    assertThat(data.numItems()).isEqualTo(193);
    assertThat(pairs(data.interactions(Part.ALL))).isEqualTo("[0:60, 0:192, 1:192]");
    PairTable all = data.part(Part.ALL);
    assertThat(all.rating(1)).isEqualTo(3.0);
    assertThat(all.timestamp(2)).isEqualTo(978298413.0);
  }

  @Test
  void uDataIsTabSeparatedAndOneBasedEvenWithoutUserOne() {
    Path file = write(dir, "ml-100k/u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
    PairData data = read(file);
    assertThat(data.numUsers()).isEqualTo(196);
    assertThat(data.users().external(195)).isEqualTo("196");
    assertThat(data.hasTimestamps()).isTrue();
  }

  @Test
  void needsAllFourColumns() {
    Path file = write(dir, "ml/ratings.dat", "1::2::5::978300760\n1::3::4\n");
    assertThatThrownBy(() -> read(file))
        .hasMessageContaining(file + ":2:")
        .hasMessageContaining("expected 4 columns as on the first line, found 3");
    Path short3 = write(dir, "ml2/u.data", "1\t2\t5\n");
    assertThatThrownBy(() -> read(short3))
        .hasMessageContaining(short3 + ":1:")
        .hasMessageContaining("expected 4 columns");
  }

  @Test
  void aZeroIdIsNegativeAfterTheImpliedBase() {
    Path file = write(dir, "ml/ratings.dat", "1::2::5::978300760\n0::3::4::978300761\n");
    assertThatThrownBy(() -> read(file))
        .hasMessageContaining(file + ":2:")
        .hasMessageContaining("user id 0 is negative after the id base 1");
  }

  @Test
  void latestRatingsCsvHasAHeaderAndItsSparseIdsCompactWithKCoreOne() {
    Path file = write(dir, "ml-latest-small/ratings.csv",
        "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2,193,3.5,1445714835\n");
    PairData data = read(file);
    assertThat(data.name()).isEqualTo("ml-latest-small");
    assertThat(data.numItems()).isEqualTo(193);
    assertThat(data.part(Part.ALL).rating(2)).isEqualTo(3.5);
    PairData compact = read(file, "k-core", 1);
    assertThat(compact.numItems()).isEqualTo(3);
    assertThat(compact.items().external(2)).isEqualTo("193");
    assertThat(pairs(compact.interactions(Part.ALL))).isEqualTo("[0:0, 0:1, 1:2]");
  }
}
