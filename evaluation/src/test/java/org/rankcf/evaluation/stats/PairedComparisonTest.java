package org.rankcf.evaluation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {
  @Test
  void pairedTTestMatchesAHandComputedValue() {
    // differences 1, 2, 3, 4: mean 2.5, sd sqrt(5/3), t = 2.5 / (sd / 2) = 3.873, df 3 -> p = 0.0305 (two-sided)
    PairedComparison c = PairedComparison.of(new double[] {1, 1, 1, 1}, new double[] {2, 3, 4, 5});
    assertThat(c.meanDifference()).isEqualTo(2.5);
    assertThat(c.tTestP()).isCloseTo(0.0305, within(5e-4));
    // all four differences positive: exact Wilcoxon two-sided p = 2 / 2^4 = 0.125
    assertThat(c.wilcoxonP()).isCloseTo(0.125, within(1e-9));
  }

  @Test
  void zeroDifferencesAreDroppedAndExactPValuesStayAtMostOne() {
    // three pairs, differences +1, -1, +2: the exact two-sided p-value is 1 (Commons Math alone gives 1.25)
    PairedComparison small = PairedComparison.of(new double[] {0, 1, 0}, new double[] {1, 0, 2});
    assertThat(small.wilcoxonP()).isLessThanOrEqualTo(1.0);
    // many tied zeros must not make a symmetric difference look significant
    double[] a = new double[2000];
    double[] b = new double[2000];
    for (int k = 0; k < 100; k++) {
      a[k] = k % 2 == 0 ? 0.1 : 0;
      b[k] = k % 2 == 0 ? 0 : 0.1;
    }
    assertThat(PairedComparison.of(a, b).wilcoxonP()).isGreaterThan(0.5);
  }

  @Test
  void identicalArmsHaveNoPValue() {
    PairedComparison c = PairedComparison.of(new double[] {0.1, 0.2}, new double[] {0.1, 0.2});
    assertThat(c.tTestP()).isNaN();
    assertThat(c.wilcoxonP()).isNaN();
  }

  @Test
  void largeSamplesUseTheNormalApproximation() {
    double[] a = new double[500];
    double[] b = new double[500];
    for (int k = 0; k < a.length; k++) {
      a[k] = Math.sin(k);
      b[k] = Math.sin(k) + 0.05 + 0.01 * Math.cos(3 * k);
    }
    PairedComparison c = PairedComparison.of(a, b);
    assertThat(c.wilcoxonP()).isLessThan(1e-6);
    assertThat(c.tTestP()).isLessThan(1e-6);
  }
}
