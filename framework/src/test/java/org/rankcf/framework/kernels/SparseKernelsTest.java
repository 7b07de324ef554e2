package org.rankcf.framework.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.util.Parallel;

class SparseKernelsTest {
  /** A random rows x columns matrix with about the given density, rows 0 and 3 empty, one heavy row. */
  static CsrMatrix randomMatrix(int rows, int columns, double density, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] ptr = new int[rows + 1];
    int[] cols = new int[rows * columns];
    float[] values = new float[rows * columns];
    int nnz = 0;
    for (int r = 0; r < rows; r++) {
      double p = r == rows - 1 ? 0.9 : density;
      for (int c = 0; c < columns; c++) {
        if (r != 0 && r != 3 && random.nextDouble() < p) {
          cols[nnz] = c;
          values[nnz++] = (float) (random.nextDouble() * 2 - 1);
        }
      }
      ptr[r + 1] = nnz;
    }
    return new CsrMatrix(rows, columns, ptr, cols, values);
  }

  static float[] randomTable(int rows, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] table = new float[rows * dim];
    for (int t = 0; t < table.length; t++) {
      table[t] = (float) (random.nextDouble() * 2 - 1);
    }
    return table;
  }

  /** alpha * A x + beta * b in double, straight from the definition. */
  static double[] reference(CsrMatrix a, float[] x, double alpha, float[] b, double beta, int dim) {
    double[] y = new double[a.rows() * dim];
    for (int r = 0; r < a.rows(); r++) {
      for (int p = a.ptr()[r]; p < a.ptr()[r + 1]; p++) {
        for (int t = 0; t < dim; t++) {
          y[r * dim + t] += (double) a.values()[p] * x[a.cols()[p] * dim + t];
        }
      }
      for (int t = 0; t < dim; t++) {
        y[r * dim + t] = alpha * y[r * dim + t] + (b == null ? 0 : beta * b[r * dim + t]);
      }
    }
    return y;
  }

  /** Every entry within tolerance * (1 + |expected|); reports the worst one. */
  static void assertClose(float[] actual, double[] expected, double tolerance) {
    assertThat(actual).hasSize(expected.length);
    double worst = 0;
    int where = -1;
    for (int t = 0; t < expected.length; t++) {
      double error = Math.abs(actual[t] - expected[t]) / (1 + Math.abs(expected[t]));
      if (!(error <= worst)) {
        worst = error;
        where = t;
      }
    }
    assertThat(worst).as("worst relative error, at entry %d", where).isLessThanOrEqualTo(tolerance);
  }

  /** A random operand set: A (rows x columns), x (columns x dim), b (rows x dim). */
  record Problem(CsrMatrix a, float[] x, float[] b, int dim) {
    static Problem random(int rows, int columns, double density, int dim, long seed) {
      return new Problem(randomMatrix(rows, columns, density, seed), randomTable(columns, dim, seed + 1),
          randomTable(rows, dim, seed + 2), dim);
    }

    float[] output() {
      return new float[a.rows() * dim];
    }
  }

  private static void assertMatchesTheDefinition(SparseKernels.Path path, int... dims) {
    for (int dim : dims) {
      Problem p = Problem.random(30, 25, 0.2, dim, dim);
      float[] y = p.output();
      path.multiply(p.a(), p.x(), 0.7f, null, 0f, y, dim, Parallel.serial());
      assertClose(y, reference(p.a(), p.x(), 0.7, null, 0, dim), 1e-5);
      path.multiply(p.a(), p.x(), 1.5f, p.b(), -0.25f, y, dim, Parallel.serial());
      assertClose(y, reference(p.a(), p.x(), 1.5, p.b(), -0.25, dim), 1e-5);
    }
  }

  @Test
  void scalarPathMatchesTheDefinitionForBlockedAndRaggedWidths() {
    assertMatchesTheDefinition(SparseKernels.scalar(), 64, 19, 7);
  }

  @Test
  void vectorPathMatchesTheDefinitionForBlockedAndRaggedWidths() {
    SparseKernels.Path vector = SparseKernels.vector();
    assumeTrue(vector != null, "jdk.incubator.vector not loaded");
    assertMatchesTheDefinition(vector, 64, 37, 8, 3);
  }

  @Test
  void accumulateMayUpdateItsSumInPlace() {
    Problem p = Problem.random(12, 10, 0.4, 16, 7);
    float[] z = p.b().clone();
    float[] y = p.output();
    SparseKernels.path().multiplyAccumulate(p.a(), p.x(), y, 2f, z, 0.5f, z, p.dim(), Parallel.serial());
    double[] product = reference(p.a(), p.x(), 1, null, 0, p.dim());
    double[] expected = new double[z.length];
    for (int t = 0; t < z.length; t++) {
      expected[t] = 2.0 * p.b()[t] + 0.5 * product[t];
    }
    assertClose(y, product, 1e-5);
    assertClose(z, expected, 1e-5);
  }

  @Test
  void resultsAreBitIdenticalForEveryThreadCount() {
    Problem p = Problem.random(200, 150, 0.05, 64, 10);
    float[] serial = p.output();
    SparseKernels.path().multiply(p.a(), p.x(), 0.3f, p.b(), 0.6f, serial, p.dim(), Parallel.serial());
    for (int threads : new int[] {2, 3}) {
      try (Parallel parallel = new Parallel(threads)) {
        float[] first = p.output();
        float[] second = p.output();
        SparseKernels.path().multiply(p.a(), p.x(), 0.3f, p.b(), 0.6f, first, p.dim(), parallel);
        SparseKernels.path().multiply(p.a(), p.x(), 0.3f, p.b(), 0.6f, second, p.dim(), parallel);
        assertThat(first).isEqualTo(second).isEqualTo(serial);
      }
    }
  }

  @Test
  void rowBoundsBalanceNonzerosNotRows() {
    // a skewed matrix: row 0 holds half of the nonzeros
    int rows = 101;
    int[] ptr = new int[rows + 1];
    ptr[1] = 100;
    for (int r = 1; r < rows; r++) {
      ptr[r + 1] = ptr[r] + 1;
    }
    CsrMatrix a = new CsrMatrix(rows, 100, ptr, new int[200], new float[200]);
    // equal row counts would put 149 nonzeros in the first half; by work the cut falls after row 25
    assertThat(a.balancedRowBounds(2)).containsExactly(0, 26, rows);
    for (int chunks : new int[] {1, 3, 7, 150}) {
      int[] bounds = a.balancedRowBounds(chunks);
      assertThat(bounds).hasSize(chunks + 1).startsWith(0).endsWith(rows).isSorted();
      long total = a.nonZeros() + rows;
      for (int c = 0; c < chunks; c++) {
        long work = (ptr[bounds[c + 1]] + bounds[c + 1]) - (ptr[bounds[c]] + bounds[c]);
        assertThat(work).isLessThanOrEqualTo(total / chunks + 101);
      }
    }
    assertThat(a.balancedRowBounds(3)).isEqualTo(a.balancedRowBounds(3));
  }

  @Test
  void rejectsInconsistentArrays() {
    assertThatThrownBy(() -> new CsrMatrix(2, 3, new int[] {0, 2, 1}, new int[] {0, 1}, new float[2]))
        .hasMessageContaining("decrease");
    assertThatThrownBy(() -> new CsrMatrix(1, 3, new int[] {0, 1}, new int[] {3}, new float[1]))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> new CsrMatrix(2, 3, new int[] {0, 1}, new int[] {0}, new float[1]))
        .hasMessageContaining("2 rows");
  }
}
