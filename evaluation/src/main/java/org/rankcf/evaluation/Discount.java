package org.rankcf.evaluation;

/**
 * The logarithmic position discount 1 / log2(r + 1) for 1-based ranks r, tabulated up to a maximum rank
 * together with its running sums (the ideal DCG of n relevant items).
 */
public final class Discount {
  private final double[] discount;
  private final double[] ideal;

  public Discount(int maxRank) {
    discount = new double[maxRank + 1];
    ideal = new double[maxRank + 1];
    for (int r = 1; r <= maxRank; r++) {
      discount[r] = 1.0 / (Math.log(r + 1) / Math.log(2));
      ideal[r] = ideal[r - 1] + discount[r];
    }
  }

  /** 1 / log2(rank + 1). */
  public double at(int rank) {
    return discount[rank];
  }

  /** The DCG of n relevant items at ranks 1..n. */
  public double ideal(int n) {
    return ideal[n];
  }
}
