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
   * multiplied by its scale, without materialising them.
   */
  public static double[] gram(float[] x, float[] rowScale, int rows, int dim, Parallel parallel) {
    return gram(rows, dim, parallel,
        (kernels, from, to, partial) -> kernels.gramAccumulate(x, rowScale, from, to, dim, partial));
  }

  /**
   * The Gram of the rows scaled to unit norm, X^T N^2 X with N = diag(1 / max(||x_r||, minNorm)), which
   * also leaves N's diagonal in {@code inverseNorms}: the norms are computed as the Gram kernel packs the
   * rows, so the rows are read from memory once.
   */
  public static double[] unitRowGram(float[] x, float[] inverseNorms, int rows, int dim, double minNorm,
      Parallel parallel) {
    return gram(rows, dim, parallel, (kernels, from, to, partial) ->
        kernels.unitRowGramAccumulate(x, inverseNorms, minNorm, from, to, dim, partial));
  }

  /** One chunk's Gram accumulation. */
  private interface ChunkGram {
    void accumulate(KernelPath kernels, int from, int to, double[] partial);
  }

  /**
   * Chunks of rows accumulated on the threads and added in chunk order, so the result depends only on the
   * thread count; the lower triangle is copied from the upper one.
   */
  private static double[] gram(int rows, int dim, Parallel parallel, ChunkGram body) {
    int chunks = Math.max(1, Math.min(parallel.threads(), rows / 256));
    double[][] partial = new double[chunks][dim * dim];
    parallel.forRange(rows, chunks, (chunk, from, to) -> body.accumulate(Kernels.path(), from, to, partial[chunk]));
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
