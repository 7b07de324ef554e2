package org.rankcf.framework.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.util.Parallel;

class UnitRowsTest {
  @Test
  void normalisesRowsAndProjectsTheGradient() {
    UnitRows rows = new UnitRows();
    rows.normalize(new float[] {3, 4, 0, 0}, 2, 2);
    assertThat(rows.unit()).startsWith(0.6f, 0.8f, 0f, 0f);
    // a gradient along x^ has no effect on x^ = x / ||x||; the orthogonal one is divided by ||x|| = 5
    rows.gradient()[0] = 0.6f + -0.8f;
    rows.gradient()[1] = 0.8f + 0.6f;
    float[] out = new float[4];
    rows.backward(2.0, out);
    assertThat(out[0]).isCloseTo(2 * -0.8f / 5, within(1e-6f));
    assertThat(out[1]).isCloseTo(2 * 0.6f / 5, within(1e-6f));
  }

  @Test
  void aZeroRowStaysZeroAndGetsTheFloorsGradient() {
    UnitRows rows = new UnitRows();
    rows.normalize(new float[] {0, 0}, 1, 2);
    assertThat(rows.unit()).startsWith(0f, 0f);
    rows.gradient()[0] = 1e-12f;
    float[] out = new float[2];
    rows.backward(1.0, out);
    assertThat((double) out[0]).isCloseTo(1.0, within(1e-6));
    assertThat(out[1]).isZero();
  }

  /**
   * Over two threads, normalising and both backward forms give the serial bits; replacing equals clearing and
   * adding, also on a row below the norm floor; the gradient is cleared by the next normalisation.
   */
  @Test
  void threadsAndTheReplacingFormKeepTheBits() {
    int rows = 301;
    int dim = 37;
    SplittableRandom random = new SplittableRandom(3);
    float[] x = new float[rows * dim];
    float[] unitGradient = new float[rows * dim];
    for (int t = 0; t < x.length; t++) {
      x[t] = (float) (random.nextDouble() - 0.5);
      unitGradient[t] = (float) (random.nextDouble() - 0.5);
    }
    Arrays.fill(x, 5 * dim, 6 * dim, 0f);
    float[] stale = new float[rows * dim];
    Arrays.fill(stale, 9f);

    UnitRows serial = new UnitRows();
    serial.normalize(x, rows, dim);
    System.arraycopy(unitGradient, 0, serial.gradient(), 0, unitGradient.length);
    float[] added = new float[rows * dim];
    serial.backward(1.0, added);
    serial.normalize(x, rows, dim);
    assertThat(serial.gradient()).as("cleared by normalize").containsOnly(0f);

    try (Parallel parallel = new Parallel(2)) {
      float[] unit = new float[rows * dim];
      UnitRows threaded = new UnitRows(unit);
      threaded.normalize(x, rows, dim, parallel);
      assertThat(threaded.unit()).isSameAs(unit);
      assertThat(bits(unit)).isEqualTo(bits(Arrays.copyOf(serial.unit(), rows * dim)));
      float[] replaced = stale.clone();
      threaded.backwardReplacing(unitGradient, replaced, parallel);
      assertThat(bits(replaced)).isEqualTo(bits(added));

      UnitRows addingThreaded = new UnitRows();
      addingThreaded.normalize(x, rows, dim, parallel);
      System.arraycopy(unitGradient, 0, addingThreaded.gradient(), 0, unitGradient.length);
      float[] addedThreaded = new float[rows * dim];
      addingThreaded.backward(1.0, addedThreaded, parallel);
      assertThat(bits(addedThreaded)).isEqualTo(bits(added));
    }
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int t = 0; t < values.length; t++) {
      bits[t] = Float.floatToRawIntBits(values[t]);
    }
    return bits;
  }
}
