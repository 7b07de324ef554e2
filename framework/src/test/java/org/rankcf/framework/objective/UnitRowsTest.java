package org.rankcf.framework.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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
}
