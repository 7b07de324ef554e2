package org.rankcf.framework.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rankcf.framework.kernels.HouseholderRows;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;

/** The top eigenpair on both kernel paths against Commons Math's full decomposition. */
class TopEigenpairTest {
  /** Around the kernel's 4-row blocks and the d = 64 of the regularizer. */
  private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 63, 64, 65};

  static List<Named<HouseholderRows>> kernels() {
    List<Named<HouseholderRows>> kernels = new ArrayList<>();
    kernels.add(Named.of("scalar", Kernels.scalar().householderRows()));
    KernelPath vector = Kernels.vector();
    if (vector != null) {
      kernels.add(Named.of("vector", vector.householderRows()));
    }
    return kernels;
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void matchesAFullDecompositionOnRandomGrams(HouseholderRows kernel) {
    for (int dim : SIZES) {
      SplittableRandom random = new SplittableRandom(dim);
      for (int trial = 0; trial < 3; trial++) {
        // more rows than columns (full rank) and fewer (rank-deficient, a zero eigenvalue repeated)
        int rows = trial == 0 ? 1 + random.nextInt(Math.max(1, dim / 2)) : dim + random.nextInt(3 * dim);
        assertMatchesReference(gram(random, rows, dim, false), dim, kernel);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void matchesAFullDecompositionOnUnitRowGrams(HouseholderRows kernel) {
    // the regularizer's case: unit rows, so the top eigenvalues are close together
    for (int dim : new int[] {63, 64, 65}) {
      assertMatchesReference(gram(new SplittableRandom(7), 2000, dim, true), dim, kernel);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void handlesIndefiniteMatrices(HouseholderRows kernel) {
    for (int dim : SIZES) {
      SplittableRandom random = new SplittableRandom(100 + dim);
      double[] a = new double[dim * dim];
      for (int p = 0; p < dim; p++) {
        for (int q = 0; q <= p; q++) {
          a[p * dim + q] = random.nextGaussian() - (p == q ? 3 : 0);
          a[q * dim + p] = a[p * dim + q];
        }
      }
      assertMatchesReference(a, dim, kernel);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void handlesStructuredMatrices(HouseholderRows kernel) {
    // already diagonal (the reduction splits everywhere), largest entry last
    assertMatchesReference(new double[] {1, 0, 0, 0, 2, 0, 0, 0, 5}, 3, kernel);
    // the top eigenvector (1, -1) is orthogonal to a constant start vector
    assertMatchesReference(new double[] {0, -1, -1, 0}, 2, kernel);
    // rank one
    assertMatchesReference(new double[] {1, 2, 3, 2, 4, 6, 3, 6, 9}, 3, kernel);
    // two decoupled blocks, the top one second
    assertMatchesReference(new double[] {2, 1, 0, 0, 1, 2, 0, 0, 0, 0, 5, 2, 0, 0, 2, 5}, 4, kernel);
    for (int dim : new int[] {9, 64, 65}) {
      // diagonal with distinct entries, the largest in the middle: no reflection has anything to do
      double[] diagonal = new double[dim * dim];
      for (int i = 0; i < dim; i++) {
        diagonal[i * dim + i] = 1 + (i * 37 % dim);
      }
      assertMatchesReference(diagonal, dim, kernel);
      // already tridiagonal
      double[] tridiagonal = diagonal.clone();
      for (int i = 1; i < dim; i++) {
        tridiagonal[i * dim + i - 1] = 0.5;
        tridiagonal[(i - 1) * dim + i] = 0.5;
      }
      assertMatchesReference(tridiagonal, dim, kernel);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void findsAVectorOfARepeatedTopEigenvalue(HouseholderRows kernel) {
    for (int dim : new int[] {2, 3, 5, 64, 65}) {
      // Q diag(4, 4, 1, 1, ...) Q^T with a random orthogonal Q (Householder): a two-dimensional top eigenspace
      SplittableRandom random = new SplittableRandom(dim);
      double[] h = new double[dim];
      double norm2 = 0;
      for (int i = 0; i < dim; i++) {
        h[i] = random.nextGaussian();
        norm2 += h[i] * h[i];
      }
      double[] a = new double[dim * dim];
      for (int p = 0; p < dim; p++) {
        for (int q = 0; q < dim; q++) {
          for (int k = 0; k < dim; k++) {
            double qpk = (p == k ? 1 : 0) - 2 * h[p] * h[k] / norm2;
            double qqk = (q == k ? 1 : 0) - 2 * h[q] * h[k] / norm2;
            a[p * dim + q] += qpk * (k < 2 ? 4 : 1) * qqk;
          }
        }
      }
      Spectra.Eigenpair top = TopEigenpair.of(a, dim, kernel);
      assertThat(top.value()).isCloseTo(4, within(1e-12));
      assertIsEigenpair(a, dim, top, 4);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void returnsZeroAndAUnitVectorForTheZeroMatrix(HouseholderRows kernel) {
    for (int dim : new int[] {1, 3, 64, 65}) {
      Spectra.Eigenpair zero = TopEigenpair.of(new double[dim * dim], dim, kernel);
      assertThat(zero.value()).isZero();
      assertThat(norm(zero.vector())).isCloseTo(1, within(1e-12));
    }
  }

  @Test
  void spectraUsesTheActivePath() {
    double[] a = gram(new SplittableRandom(4), 100, 20, true);
    assertThat(sameBits(Spectra.topEigenpair(a, 20), TopEigenpair.of(a, 20, Kernels.path().householderRows())))
        .isTrue();
  }

  @Test
  void pathsAgreeToRounding() {
    KernelPath vector = Kernels.vector();
    if (vector == null) {
      return;
    }
    double[] a = gram(new SplittableRandom(3), 500, 64, true);
    Spectra.Eigenpair scalar = TopEigenpair.of(a, 64, Kernels.scalar().householderRows());
    Spectra.Eigenpair vectorPair = TopEigenpair.of(a, 64, vector.householderRows());
    assertThat(vectorPair.value()).isCloseTo(scalar.value(), within(1e-12 * scalar.value()));
    for (int c = 0; c < 64; c++) {
      assertThat(vectorPair.vector()[c]).isCloseTo(scalar.vector()[c], within(1e-9));
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void repeatsBitForBitAcrossCallsAndConcurrentThreads(HouseholderRows kernel) throws Exception {
    double[] a = gram(new SplittableRandom(5), 300, 64, true);
    double[] small = gram(new SplittableRandom(6), 40, 13, false);
    Spectra.Eigenpair expected = TopEigenpair.of(a, 64, kernel);
    Spectra.Eigenpair expectedSmall = TopEigenpair.of(small, 13, kernel);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int task = 0; task < 2; task++) {
        same.add(threads.submit(() -> {
          boolean all = true;
          for (int call = 0; call < 200; call++) {
            // alternating sizes also exercises the reuse of a grown workspace
            all &= sameBits(TopEigenpair.of(a, 64, kernel), expected);
            all &= sameBits(TopEigenpair.of(small, 13, kernel), expectedSmall);
          }
          return all;
        }));
      }
      for (Future<Boolean> result : same) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdown();
    }
  }

  private static boolean sameBits(Spectra.Eigenpair a, Spectra.Eigenpair b) {
    if (Double.doubleToRawLongBits(a.value()) != Double.doubleToRawLongBits(b.value())) {
      return false;
    }
    for (int c = 0; c < a.vector().length; c++) {
      if (Double.doubleToRawLongBits(a.vector()[c]) != Double.doubleToRawLongBits(b.vector()[c])) {
        return false;
      }
    }
    return true;
  }

  /** X^T X of random Gaussian rows (unit-length rows when asked), columns of unequal scales otherwise. */
  private static double[] gram(SplittableRandom random, int rows, int dim, boolean unitRows) {
    double[] a = new double[dim * dim];
    double[] x = new double[dim];
    for (int r = 0; r < rows; r++) {
      double norm2 = 0;
      for (int c = 0; c < dim; c++) {
        x[c] = random.nextGaussian() * (unitRows ? 1 : 1 + c % 3);
        norm2 += x[c] * x[c];
      }
      double scale = unitRows ? 1 / Math.sqrt(norm2) : 1;
      for (int p = 0; p < dim; p++) {
        for (int q = 0; q < dim; q++) {
          a[p * dim + q] += x[p] * scale * x[q] * scale;
        }
      }
    }
    return a;
  }

  private static void assertMatchesReference(double[] a, int dim, HouseholderRows kernel) {
    double[][] rows = new double[dim][dim];
    for (int p = 0; p < dim; p++) {
      for (int q = 0; q < dim; q++) {
        rows[p][q] = a[p * dim + q];
      }
    }
    EigenDecomposition reference = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
    double[] values = reference.getRealEigenvalues();
    int best = 0;
    double second = Double.NEGATIVE_INFINITY;
    for (int k = 1; k < dim; k++) {
      if (values[k] > values[best]) {
        second = values[best];
        best = k;
      } else {
        second = Math.max(second, values[k]);
      }
    }
    Spectra.Eigenpair top = TopEigenpair.of(a, dim, kernel);
    double scale = 1;
    for (double value : values) {
      scale = Math.max(scale, Math.abs(value));
    }
    assertThat(top.value()).as("d=%d", dim).isCloseTo(values[best], within(1e-12 * scale));
    assertIsEigenpair(a, dim, top, scale);
    // the vector itself is only determined up to about eps / gap
    double gap = (values[best] - second) / scale;
    if (gap > 1e-6) {
      double[] expected = reference.getEigenvector(best).toArray();
      double cosine = 0;
      for (int c = 0; c < dim; c++) {
        cosine += expected[c] * top.vector()[c];
      }
      double sign = Math.signum(cosine);
      for (int c = 0; c < dim; c++) {
        assertThat(sign * top.vector()[c]).as("d=%d", dim).isCloseTo(expected[c], within(1e-12 / gap));
      }
    }
  }

  /** A unit vector with A v = lambda v to rounding. */
  private static void assertIsEigenpair(double[] a, int dim, Spectra.Eigenpair top, double scale) {
    assertThat(norm(top.vector())).isCloseTo(1, within(1e-14));
    for (int p = 0; p < dim; p++) {
      double av = 0;
      for (int q = 0; q < dim; q++) {
        av += a[p * dim + q] * top.vector()[q];
      }
      assertThat(av).as("d=%d row %d", dim, p).isCloseTo(top.value() * top.vector()[p], within(1e-12 * scale));
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double value : v) {
      s += value * value;
    }
    return Math.sqrt(s);
  }
}
