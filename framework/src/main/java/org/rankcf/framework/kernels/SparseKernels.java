package org.rankcf.framework.kernels;

import org.rankcf.framework.util.Parallel;

/**
 * Sparse-times-dense products {@code A X} with X a row-major float table of {@code dim} columns: the
 * propagation step of graph models. A {@link Path} computes one output row; the products split the rows
 * over the threads in ranges of equal work ({@link CsrMatrix#balancedRowBounds}), each row written by one
 * thread in a fixed order, so the result does not depend on the thread count at all.
 *
 * <p>Two paths, chosen once at start-up by the same rule as {@link Kernels}: the Vector API one when
 * {@code jdk.incubator.vector} is loaded, unless {@code -Drankcf.kernels=scalar}.
 */
public final class SparseKernels {
  private static final String VECTOR_CLASS = "org.rankcf.framework.kernels.VectorSparseKernels";
  private static final Path PATH = choose(System.getProperty("rankcf.kernels", "auto"));

  private SparseKernels() {}

  /** One implementation of the row product, plus the parallel drivers built on it. */
  public interface Path {
    /** "vector" or "scalar". */
    String name();

    /**
     * One row of {@code y = alpha * A x + beta * b}: the row's nonzeros are {@code values[start..end)} at
     * {@code cols[start..end)}, its output goes to {@code y[out .. out + dim)} and its second term is read
     * at the same offset of b, which may be null (no second term). x has row stride {@code dim}; y must be
     * a different array from x.
     */
    void multiplyRow(int[] cols, float[] values, int start, int end, float[] x, int dim, float alpha,
        float[] b, float beta, float[] y, int out);

    /** {@code y = alpha * A x + beta * b} over all rows ({@code b} may be null). */
    default void multiply(CsrMatrix a, float[] x, float alpha, float[] b, float beta, float[] y, int dim,
        Parallel parallel) {
      int[] ptr = a.ptr();
      forRows(a, parallel, row ->
          multiplyRow(a.cols(), a.values(), ptr[row], ptr[row + 1], x, dim, alpha, b, beta, y, row * dim));
    }

    /**
     * {@code y = A x}, and, row by row while the row is in cache, {@code z = zeta * c + gamma * y}; c may be
     * z itself (accumulate in place).
     */
    default void multiplyAccumulate(CsrMatrix a, float[] x, float[] y, float zeta, float[] c, float gamma,
        float[] z, int dim, Parallel parallel) {
      int[] ptr = a.ptr();
      forRows(a, parallel, row -> {
        int base = row * dim;
        multiplyRow(a.cols(), a.values(), ptr[row], ptr[row + 1], x, dim, 1f, null, 0f, y, base);
        for (int t = base; t < base + dim; t++) {
          z[t] = zeta * c[t] + gamma * y[t];
        }
      });
    }
  }

  @FunctionalInterface
  private interface RowBody {
    void run(int row);
  }

  /** The active path. */
  public static Path path() {
    return PATH;
  }

  /** The plain-Java path, always available (tests compare against it). */
  public static Path scalar() {
    return new ScalarPath();
  }

  /** The Vector API path, or null when the incubator module is not loaded. */
  public static Path vector() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return null;
    }
    try {
      // loaded by name so that this class never links against the incubator module
      return (Path) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static Path choose(String wanted) {
    Path vector = wanted.equals("scalar") ? null : vector();
    if (vector == null && wanted.equals("vector")) {
      throw new IllegalStateException("-Drankcf.kernels=vector needs --add-modules jdk.incubator.vector");
    }
    return vector != null ? vector : scalar();
  }

  private static void forRows(CsrMatrix a, Parallel parallel, RowBody body) {
    int chunks = parallel.threads();
    int[] bounds = a.balancedRowBounds(chunks);
    parallel.forRange(chunks, chunks, (chunk, from, to) -> {
      for (int c = from; c < to; c++) {
        for (int row = bounds[c]; row < bounds[c + 1]; row++) {
          body.run(row);
        }
      }
    });
  }

  /**
   * Plain Java: eight columns at a time accumulate every nonzero of the row in locals and are stored once
   * (about twice as fast as adding each scaled input row into the output row in memory).
   */
  private static final class ScalarPath implements Path {
    private static final int BLOCK = 8;

    @Override
    public String name() {
      return "scalar";
    }

    @Override
    public void multiplyRow(int[] cols, float[] values, int start, int end, float[] x, int dim, float alpha,
        float[] b, float beta, float[] y, int out) {
      int col = 0;
      for (; col + BLOCK <= dim; col += BLOCK) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        for (int p = start; p < end; p++) {
          float v = values[p];
          int in = cols[p] * dim + col;
          s0 += v * x[in];
          s1 += v * x[in + 1];
          s2 += v * x[in + 2];
          s3 += v * x[in + 3];
          s4 += v * x[in + 4];
          s5 += v * x[in + 5];
          s6 += v * x[in + 6];
          s7 += v * x[in + 7];
        }
        y[out + col] = s0;
        y[out + col + 1] = s1;
        y[out + col + 2] = s2;
        y[out + col + 3] = s3;
        y[out + col + 4] = s4;
        y[out + col + 5] = s5;
        y[out + col + 6] = s6;
        y[out + col + 7] = s7;
      }
      for (; col < dim; col++) {
        float s = 0f;
        for (int p = start; p < end; p++) {
          s += values[p] * x[cols[p] * dim + col];
        }
        y[out + col] = s;
      }
      for (int t = out; t < out + dim; t++) {
        y[t] = b == null ? alpha * y[t] : alpha * y[t] + beta * b[t];
      }
    }
  }
}
