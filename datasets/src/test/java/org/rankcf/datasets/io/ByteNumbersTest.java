package org.rankcf.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteNumbersTest {
  private static long parseLong(String text) {
    byte[] b = ("#" + text + "#").getBytes(StandardCharsets.US_ASCII);
    return ByteNumbers.parseLong(b, 1, b.length - 1);
  }

  private static double parseDouble(String text) {
    byte[] b = ("#" + text + "#").getBytes(StandardCharsets.US_ASCII);
    return ByteNumbers.parseDouble(b, 1, b.length - 1);
  }

  @Test
  void integers() {
    assertThat(parseLong("0")).isZero();
    assertThat(parseLong("40980")).isEqualTo(40980);
    assertThat(parseLong("-17")).isEqualTo(-17);
    assertThat(parseLong("+5")).isEqualTo(5);
    assertThat(parseLong("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
    for (String bad : new String[] {"", "-", "1.0", "1e3", "12a", " 1", "1234567890123456789"}) {
      assertThat(parseLong(bad)).as(bad).isEqualTo(ByteNumbers.NOT_AN_INTEGER);
    }
  }

  @Test
  void decimalsOnBothPaths() {
    assertThat(parseDouble("4.5")).isEqualTo(4.5);
    assertThat(parseDouble("-0.25")).isEqualTo(-0.25);
    assertThat(parseDouble("3.")).isEqualTo(3.0);
    assertThat(parseDouble(".5")).isEqualTo(0.5);
    assertThat(parseDouble("978300760")).isEqualTo(978300760.0);
    assertThat(parseDouble("1e3")).isEqualTo(1000.0);
    assertThat(parseDouble("1.5E-2")).isEqualTo(0.015);
    assertThat(parseDouble("12345678901234567.5")).isEqualTo(12345678901234567.5);
    for (String bad : new String[] {"", "-", ".", "abc", "1.2.3", "NaN", "Infinity", "1e", "2d", "0x10"}) {
      assertThat(parseDouble(bad)).as(bad).isNaN();
    }
  }

  @Test
  void fastPathRoundsLikeTheJdk() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 20000; k++) {
      long mantissa = random.nextLong(1_000_000_000_000_000L);
      int decimals = random.nextInt(16);
      String digits = Long.toString(mantissa);
      String text = decimals >= digits.length() ? "0." + "0".repeat(decimals - digits.length()) + digits
          : digits.substring(0, digits.length() - decimals) + "." + digits.substring(digits.length() - decimals);
      assertThat(parseDouble(text)).as(text).isEqualTo(Double.parseDouble(text));
    }
  }
}
