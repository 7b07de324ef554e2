package org.rankcf.framework.spectral;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalStateException;
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
        (kernels, block, from, to, partial) -> kernels.gramAccumulate(x, rowScale, from, to, dim, partial));
  }

  /**
   * The Gram of the rows scaled to unit norm, X^T N^2 X with N = diag(1 / max(||x_r||, minNorm)), which
   * also leaves N's diagonal in {@code inverseNorms}: the norms are computed as the Gram kernel packs the
   * rows, so the rows are read from memory once.
   */
  public static double[] unitRowGram(float[] x, float[] inverseNorms, int rows, int dim, double minNorm,
      Parallel parallel) {
    return unitRowGrams(new float[][] {x}, new float[][] {inverseNorms}, new int[] {rows}, dim, minNorm, parallel)[0];
  }

  /**
   * {@link #unitRowGram} of several blocks of rows in one parallel pass over their concatenation, cut evenly
   * over the threads whatever the blocks' sizes: one hand-off to the workers instead of one per block, and
   * no thread idles while another finishes a larger block.
   */
  public static double[][] unitRowGrams(float[][] xs, float[][] inverseNorms, int[] rows, int dim, double minNorm,
      Parallel parallel) {
    return grams(rows, dim, parallel, (kernels, block, from, to, partial) ->
        kernels.unitRowGramAccumulate(xs[block], inverseNorms[block], minNorm, from, to, dim, partial));
  }

  /** One chunk's Gram accumulation over rows [from, to) of one block. */
  private interface ChunkGram {
    void accumulate(KernelPath kernels, int block, int from, int to, double[] partial);
  }

  private static double[] gram(int rows, int dim, Parallel parallel, ChunkGram body) {
    return grams(new int[] {rows}, dim, parallel, body)[0];
  }

  /**
   * The Grams of blocks of rows: the concatenated rows cut into chunks accumulated on the threads, each
   * block's partial sums added in chunk order, so the result depends only on the thread count; the lower
   * triangle is copied from the upper one.
   */
  private static double[][] grams(int[] rows, int dim, Parallel parallel, ChunkGram body) {
    int blocks = rows.length;
    long[] starts = new long[blocks + 1];
    for (int b = 0; b < blocks; b++) {
      starts[b + 1] = starts[b] + rows[b];
    }
    int total = (int) starts[blocks];
    // a few chunks per thread, claimed as threads come free, so a thread slowed by other load holds no one up
    int chunks = parallel.threads() == 1 ? 1 : Math.max(1, Math.min(4 * parallel.threads(), total / 1024));
    double[][][] partial = new double[chunks][blocks][dim * dim];
    parallel.forRange(total, chunks, (chunk, from, to) -> {
      KernelPath kernels = Kernels.path();
      for (int b = 0; b < blocks; b++) {
        int first = (int) Math.max(from - starts[b], 0);
        int last = (int) Math.min(to - starts[b], rows[b]);
        if (first < last) {
          body.accumulate(kernels, b, first, last, partial[chunk][b]);
        }
      }
    });
    double[][] grams = new double[blocks][];
    for (int b = 0; b < blocks; b++) {
      double[] gram = partial[0][b];
      for (int c = 1; c < chunks; c++) {
        for (int t = 0; t < gram.length; t++) {
          gram[t] += partial[c][b][t];
        }
      }
      for (int p = 1; p < dim; p++) {
        for (int q = 0; q < p; q++) {
          gram[p * dim + q] = gram[q * dim + p];
        }
      }
      grams[b] = gram;
    }
    return grams;
  }

  /** The singular values of the table, decreasing. */
  public static Spectrum spectrum(EmbeddingTable table, Parallel parallel) {
    return spectrumOfGram(gram(table, parallel), table.dim());
  }

  /** Singular values from a d x d Gram matrix: square roots of its eigenvalues, decreasing. */
  public static Spectrum spectrumOfGram(double[] gram, int dim) {
    requireFinite(gram);
    double[] eigen;
    try {
      eigen = new EigenDecomposition(matrix(gram, dim)).getRealEigenvalues();
    } catch (MathIllegalStateException | MathArithmeticException e) {
      throw new SpectrumFailure("did not converge (" + e.getMessage() + ")", e);
    }
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
    requireFinite(gram);
    return TopEigenpair.of(gram, dim);
  }

  /** NaN or infinity in a Gram matrix makes eigen-solvers loop to their limit: refuse it as divergence. */
  private static void requireFinite(double[] gram) {
    for (double g : gram) {
      if (!Double.isFinite(g)) {
        throw new SpectrumFailure("is undefined: the table holds " + (Double.isNaN(g) ? "NaN" : "infinite") + " values", null);
      }
    }
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
