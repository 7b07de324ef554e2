package org.rankcf.framework.testing;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Plain double-precision versions of the row-normalised terms, written straight from their definitions
 * (full SVD, double loop over pairs): the references the float implementations are tested against.
 */
public final class ReferenceMaths {
  private ReferenceMaths() {}

  /** Row {@code r} of a row-major matrix divided by max(its norm, 1e-12). */
  public static double[] unitRow(double[] x, int r, int dim) {
    double norm = 0;
    for (int c = 0; c < dim; c++) {
      norm += x[r * dim + c] * x[r * dim + c];
    }
    double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
    double[] row = new double[dim];
    for (int c = 0; c < dim; c++) {
      row[c] = x[r * dim + c] * scale;
    }
    return row;
  }

  /** -srank(X^) / d of the first {@code rows} rows, from a full SVD. */
  public static double stableRankPenalty(double[] x, int rows, int dim) {
    double[][] unit = new double[rows][];
    for (int r = 0; r < rows; r++) {
      unit[r] = unitRow(x, r, dim);
    }
    double[] singular = new SingularValueDecomposition(new Array2DRowRealMatrix(unit, false)).getSingularValues();
    double squares = 0;
    for (double s : singular) {
      squares += s * s;
    }
    return -squares / (singular[0] * singular[0]) / dim;
  }

  /** log of the mean over p &lt; q of exp(-t ||x^_p - x^_q||^2) over the first {@code rows} rows. */
  public static double uniformity(double[] x, int rows, int dim, double t) {
    double sum = 0;
    for (int p = 0; p < rows; p++) {
      double[] a = unitRow(x, p, dim);
      for (int q = p + 1; q < rows; q++) {
        double[] b = unitRow(x, q, dim);
        double distance = 0;
        for (int c = 0; c < dim; c++) {
          distance += (a[c] - b[c]) * (a[c] - b[c]);
        }
        sum += Math.exp(-t * distance);
      }
    }
    return Math.log(sum / (rows * (rows - 1) / 2.0));
  }

  /** Squared norm of row r. */
  public static double squaredNorm(double[] x, int r, int dim) {
    double sum = 0;
    for (int c = 0; c < dim; c++) {
      sum += x[r * dim + c] * x[r * dim + c];
    }
    return sum;
  }
}
