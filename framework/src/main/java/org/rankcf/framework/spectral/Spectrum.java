package org.rankcf.framework.spectral;

/**
 * The singular values of an n x d matrix E, in decreasing order, and the rank summaries the paper uses:
 * stable rank sum(sigma^2) / sigma_1^2 and effective rank exp(H(p)) with p_k = sigma_k / sum(sigma).
 */
public record Spectrum(double[] singularValues) {

  /** ||E||_F^2 / ||E||_2^2; 0 for an all-zero matrix. */
  public double stableRank() {
    double top = singularValues.length == 0 ? 0 : singularValues[0];
    if (top <= 0) {
      return 0;
    }
    double sum = 0;
    for (double s : singularValues) {
      sum += s * s;
    }
    return sum / (top * top);
  }

  /** exp of the Shannon entropy of the normalised singular values (Roy and Vetterli). */
  public double effectiveRank() {
    double total = 0;
    for (double s : singularValues) {
      total += s;
    }
    if (total <= 0) {
      return 0;
    }
    double entropy = 0;
    for (double s : singularValues) {
      if (s > 0) {
        double p = s / total;
        entropy -= p * Math.log(p);
      }
    }
    return Math.exp(entropy);
  }
}
