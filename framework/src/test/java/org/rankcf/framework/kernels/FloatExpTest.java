package org.rankcf.framework.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloatExpTest {
  @Test
  void matchesMathExpToAboutOneUlpOverTheNormalRange() {
    double worst = 0;
    for (float y = -87f; y <= 0.01f; y += 0.00731f) {
      worst = Math.max(worst, Math.abs(FloatExp.exp(y) / Math.exp(y) - 1));
    }
    assertThat(worst).isLessThan(3e-7);
    assertThat(FloatExp.exp(0f)).isEqualTo(1f);
    assertThat(FloatExp.exp(-87.5f)).isZero();
    assertThat(FloatExp.exp(Float.NEGATIVE_INFINITY)).isZero();
  }
}
