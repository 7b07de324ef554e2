package org.rankcf.framework.spectral;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.rankcf.framework.kernels.KernelPath;
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
    return gram(x, null, rows, dim, parallel);
  }

  /**
   * S X^T X S with S = diag({@code rowScale}) (null: no scaling): the Gram of the rows after each is
   * multiplied by its scale, without materialising them. Chunks of rows are accumulated on the threads and
   * added in chunk order, so the result depends only on the thread count.
   */
  public static double[] gram(float[] x, float[] rowScale, int rows, int dim, Parallel parallel) {
    return gram(x, rowScale, rows, dim, parallel, (from, to) -> { });
  }

  /** Work on a range of rows, run on a Gram chunk's thread just before the rows are accumulated. */
  @FunctionalInterface
  public interface RowsAhead {
    void prepare(int from, int to);
  }

  /**
   * {@link #gram(float[], float[], int, int, Parallel)}, calling {@code ahead} for each span of
   * {@link KernelPath#GRAM_SPAN} rows first, while they fit in cache: e.g. to compute the row scales from
   * the rows themselves, which then costs no extra pass over memory.
   */
  public static double[] gram(float[] x, float[] rowScale, int rows, int dim, Parallel parallel, RowsAhead ahead) {
    int chunks = Math.max(1, Math.min(parallel.threads(), rows / 256));
    double[][] partial = new double[chunks][dim * dim];
    parallel.forRange(rows, chunks, (chunk, from, to) -> {
      KernelPath kernels = Kernels.path();
      for (int span = from; span < to; span += KernelPath.GRAM_SPAN) {
        int end = Math.min(to, span + KernelPath.GRAM_SPAN);
        ahead.prepare(span, end);
        kernels.gramAccumulate(x, rowScale, span, end, dim, partial[chunk]);
      }
    });
    double[] gram = partial[0];
    for (int c = 1; c < chunks; c++) {
      for (int t = 0; t < gram.length; t++) {
        gram[t] += partial[c][t];
      }
    }
    for (int p = 1; p < dim; p++) {
      for (int q = 0; q < p; q++) {
        gram[p * dim + q] = gram[q * dim + p];
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

  /** Top eigenpair of a symmetric d x d matrix (row-major), from {@link TopEigenpair}. */
  public static Eigenpair topEigenpair(double[] gram, int dim) {
    return TopEigenpair.of(gram, dim);
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
