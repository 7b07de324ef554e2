package org.rankcf.evaluation.stats;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Two arms measured on the same units (seeds, or users), compared by the paired t-test and the Wilcoxon
 * signed-rank test (exact p-value up to 30 pairs, the normal approximation above), both two-sided.
 *
 * @param n number of pairs
 * @param meanBaseline mean of the baseline arm
 * @param meanTreatment mean of the treatment arm
 * @param meanDifference mean of treatment - baseline
 * @param tTestP p-value of the paired t-test (NaN when every difference is equal, or n < 2)
 * @param wilcoxonP p-value of the Wilcoxon signed-rank test (NaN when every difference is 0, or n < 2)
 */
public record PairedComparison(
    int n, double meanBaseline, double meanTreatment, double meanDifference, double tTestP, double wilcoxonP) {

  private static final int EXACT_WILCOXON_LIMIT = 30;

  /**
   * Wilcoxon's own treatment of zero differences: they are dropped before ranking (Commons Math would rank
   * them, which with many tied zeros, as with per-user NDCG, sends the normal approximation to p = 0). The
   * exact p-value is capped at 1 (Commons Math doubles a one-sided value that can exceed 1/2).
   */
  private static double wilcoxon(double[] baseline, double[] treatment) {
    int kept = 0;
    for (int k = 0; k < baseline.length; k++) {
      kept += treatment[k] != baseline[k] ? 1 : 0;
    }
    double[] x = new double[kept];
    double[] y = new double[kept];
    for (int k = 0, j = 0; k < baseline.length; k++) {
      if (treatment[k] != baseline[k]) {
        x[j] = baseline[k];
        y[j++] = treatment[k];
      }
    }
    if (kept < 2) {
      return 1.0;
    }
    double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, kept <= EXACT_WILCOXON_LIMIT);
    return Math.min(1.0, p);
  }

  public static PairedComparison of(double[] baseline, double[] treatment) {
    if (baseline.length != treatment.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + baseline.length + " vs " + treatment.length);
    }
    int n = baseline.length;
    SummaryStatistics base = new SummaryStatistics();
    SummaryStatistics treat = new SummaryStatistics();
    SummaryStatistics diff = new SummaryStatistics();
    boolean allZero = true;
    for (int k = 0; k < n; k++) {
      base.addValue(baseline[k]);
      treat.addValue(treatment[k]);
      diff.addValue(treatment[k] - baseline[k]);
      allZero &= treatment[k] == baseline[k];
    }
    double t = Double.NaN;
    double w = Double.NaN;
    if (n >= 2 && diff.getVariance() > 0) {
      t = new TTest().pairedTTest(baseline, treatment);
    }
    if (n >= 2 && !allZero) {
      w = wilcoxon(baseline, treatment);
    }
    return new PairedComparison(n, base.getMean(), treat.getMean(), diff.getMean(), t, w);
  }
}
