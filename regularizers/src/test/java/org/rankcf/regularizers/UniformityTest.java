package org.rankcf.regularizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniformityTest {
  @Test
  void fastExponentialMatchesMathExpOverTheWholeNonPositiveRange() {
    double worst = 0;
    for (double y = -700; y <= 0; y += 0.0137) {
      worst = Math.max(worst, Math.abs(Uniformity.expNonPositive(y) / Math.exp(y) - 1));
    }
    assertThat(worst).isLessThan(2e-8);
    assertThat(Uniformity.expNonPositive(0)).isEqualTo(1.0);
    assertThat(Uniformity.expNonPositive(-800)).isZero();
  }
}
