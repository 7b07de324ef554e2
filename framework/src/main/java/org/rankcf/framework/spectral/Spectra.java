package org.rankcf.framework.spectral;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Spectral maths on embedding tables through the d x d Gram matrix E^T E: its eigenvalues are the squared
 * singular values of E. Costs O(n d^2) for the Gram plus O(d^3) for the eigen-decomposition, never a full
 * SVD of the n x d table.
 */
public final class Spectra {
  private Spectra() {}

  /** E^T E of a table, accumulated in double over row chunks (combined in chunk order). */
  public static double[] gram(EmbeddingTable table, Parallel parallel) {
    return gram(table.data(), table.rows(), table.dim(), parallel);
  }

  /** X^T X of the first {@code rows} rows of a row-major matrix with {@code dim} columns. */
  public static double[] gram(float[] x, int rows, int dim, Parallel parallel) {
    int chunks = Math.max(1, Math.min(parallel.threads(), rows / 256));
    double[][] partial = new double[chunks][dim * dim];
    parallel.forRange(rows, chunks, (chunk, from, to) -> Kernels.path().gramAccumulate(x, from, to, dim, partial[chunk]));
    double[] gram = partial[0];
    for (int c = 1; c < chunks; c++) {
      for (int t = 0; t < gram.length; t++) {
        gram[t] += partial[c][t];
      }
    }
    return gram;
  }

  /** The singular values of the table, decreasing. */
  public static Spectrum spectrum(EmbeddingTable table, Parallel parallel) {
    return spectrumOfGram(gram(table, parallel), table.dim());
  }

  /** Singular values from a d x d Gram matrix: square roots of its eigenvalues, decreasing. */
  public static Spectrum spectrumOfGram(double[] gram, int dim) {
    double[] eigen = new EigenDecomposition(matrix(gram, dim)).getRealEigenvalues();
    double[] singular = new double[dim];
    for (int k = 0; k < dim; k++) {
      singular[k] = Math.sqrt(Math.max(0, eigen[k]));
    }
    Arrays.sort(singular);
    for (int k = 0; k < dim / 2; k++) {
      double t = singular[k];
      singular[k] = singular[dim - 1 - k];
      singular[dim - 1 - k] = t;
    }
    return new Spectrum(singular);
  }

  /** The largest eigenvalue of a symmetric d x d matrix and its unit eigenvector. */
  public record Eigenpair(double value, double[] vector) {}

  /** Top eigenpair of a symmetric positive semi-definite d x d matrix (row-major). */
  public static Eigenpair topEigenpair(double[] gram, int dim) {
    EigenDecomposition decomposition = new EigenDecomposition(matrix(gram, dim));
    double[] values = decomposition.getRealEigenvalues();
    int best = 0;
    for (int k = 1; k < dim; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return new Eigenpair(values[best], decomposition.getEigenvector(best).toArray());
  }

  private static Array2DRowRealMatrix matrix(double[] gram, int dim) {
    double[][] rows = new double[dim][dim];
    for (int p = 0; p < dim; p++) {
      for (int q = 0; q < dim; q++) {
        // symmetrise against rounding so the decomposition stays on its symmetric path
        rows[p][q] = 0.5 * (gram[p * dim + q] + gram[q * dim + p]);
      }
    }
    return new Array2DRowRealMatrix(rows, false);
  }
}
