package org.rankcf.framework.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.util.ConfigException;

/** The per-table Xavier scales (LOSSES.md §B5) and the overrides' names. */
class InitializerXavierTest {
  private static double[] meanAndStd(EmbeddingTable table) {
    double sum = 0;
    double squares = 0;
    for (float v : table.data()) {
      sum += v;
      squares += v * v;
    }
    int n = table.data().length;
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(squares / n - mean * mean)};
  }

  @Test
  void xavierNormalHasStdSqrtTwoOverRowsPlusDimPerTable() {
    for (int rows : new int[] {1000, 9000}) {
      EmbeddingTable table = new EmbeddingTable(rows, 64);
      new Initializer("xavier-normal", 1.0).fill(table, new SplittableRandom(rows));
      double[] moments = meanAndStd(table);
      double std = Math.sqrt(2.0 / (rows + 64));
      assertThat(moments[0]).isCloseTo(0, within(0.02 * std));
      assertThat(moments[1]).isCloseTo(std, within(0.01 * std));
    }
  }

  @Test
  void xavierUniformIsTheXavierKindAndNormalKeepsItsStd() {
    EmbeddingTable a = new EmbeddingTable(300, 16);
    EmbeddingTable b = new EmbeddingTable(300, 16);
    new Initializer("xavier", 1.0).fill(a, new SplittableRandom(2));
    new Initializer("xavier-uniform", 1.0).fill(b, new SplittableRandom(2));
    assertThat(b.data()).containsExactly(a.data());
    double bound = Math.sqrt(6.0 / 316);
    for (float v : a.data()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
    }
    EmbeddingTable small = new EmbeddingTable(1000, 64);
    new Initializer("normal", 0.01).fill(small, new SplittableRandom(3));
    assertThat(meanAndStd(small)[1]).isCloseTo(0.01, within(1e-4));
  }

  @Test
  void anUnknownKindNamesTheKinds() {
    assertThatThrownBy(() -> new Initializer("kaiming", 1.0)).isInstanceOf(ConfigException.class)
        .hasMessage("init: must be one of normal, xavier, xavier-uniform, xavier-normal (got 'kaiming')");
  }
}
