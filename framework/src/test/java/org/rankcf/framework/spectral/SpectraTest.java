package org.rankcf.framework.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rankcf.framework.util.Parallel;

class SpectraTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 16, 64})
  void topEigenpairMatchesAFullDecomposition(int dim) {
    SplittableRandom random = new SplittableRandom(dim);
    for (int trial = 0; trial < 5; trial++) {
      int rows = 1 + random.nextInt(3 * dim);
      double[] a = new double[dim * dim];
      for (int r = 0; r < rows; r++) {
        double[] x = new double[dim];
        for (int c = 0; c < dim; c++) {
          x[c] = random.nextGaussian() * (1 + c % 3);
        }
        for (int p = 0; p < dim; p++) {
          for (int q = 0; q < dim; q++) {
            a[p * dim + q] += x[p] * x[q];
          }
        }
      }
      assertMatchesReference(a, dim);
    }
  }

  @Test
  void topEigenpairHandlesStructuredMatrices() {
    // already diagonal (the reduction splits everywhere), largest entry last
    assertMatchesReference(new double[] {1, 0, 0, 0, 2, 0, 0, 0, 5}, 3);
    // the top eigenvector (1, -1) is orthogonal to a constant start vector
    assertMatchesReference(new double[] {0, -1, -1, 0}, 2);
    // rank one
    assertMatchesReference(new double[] {1, 2, 3, 2, 4, 6, 3, 6, 9}, 3);
    // two decoupled blocks, the top one second
    assertMatchesReference(new double[] {2, 1, 0, 0, 1, 2, 0, 0, 0, 0, 5, 2, 0, 0, 2, 5}, 4);
    Spectra.Eigenpair zero = Spectra.topEigenpair(new double[9], 3);
    assertThat(zero.value()).isZero();
    assertThat(norm(zero.vector())).isCloseTo(1, within(1e-12));
  }

  @Test
  void gramOfScaledRowsMatchesADoubleReferenceAndIsSymmetric() {
    SplittableRandom random = new SplittableRandom(7);
    int rows = 1000;
    int dim = 13;
    float[] x = new float[rows * dim];
    float[] scale = new float[rows];
    for (int t = 0; t < x.length; t++) {
      x[t] = (float) random.nextGaussian();
    }
    for (int r = 0; r < rows; r++) {
      scale[r] = (float) random.nextDouble();
    }
    try (Parallel parallel = new Parallel(2)) {
      double[] gram = Spectra.gram(x, scale, rows, dim, parallel);
      for (int p = 0; p < dim; p++) {
        for (int q = 0; q < dim; q++) {
          double expected = 0;
          for (int r = 0; r < rows; r++) {
            expected += (double) x[r * dim + p] * scale[r] * x[r * dim + q] * scale[r];
          }
          assertThat(gram[p * dim + q]).isCloseTo(expected, within(1e-4 * Math.abs(expected) + 1e-3));
          assertThat(gram[p * dim + q]).isEqualTo(gram[q * dim + p]);
        }
      }
    }
  }

  private static void assertMatchesReference(double[] a, int dim) {
    double[][] rows = new double[dim][dim];
    for (int p = 0; p < dim; p++) {
      for (int q = 0; q < dim; q++) {
        rows[p][q] = a[p * dim + q];
      }
    }
    EigenDecomposition reference = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
    double[] values = reference.getRealEigenvalues();
    int best = 0;
    for (int k = 1; k < dim; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    Spectra.Eigenpair top = Spectra.topEigenpair(a, dim);
    double scale = Math.max(1, Math.abs(values[best]));
    assertThat(top.value()).isCloseTo(values[best], within(1e-10 * scale));
    assertThat(norm(top.vector())).isCloseTo(1, within(1e-12));
    double[] expected = reference.getEigenvector(best).toArray();
    double cosine = 0;
    for (int c = 0; c < dim; c++) {
      cosine += expected[c] * top.vector()[c];
    }
    assertThat(Math.abs(cosine)).isCloseTo(1, within(1e-8));
    for (int p = 0; p < dim; p++) {
      double av = 0;
      for (int q = 0; q < dim; q++) {
        av += a[p * dim + q] * top.vector()[q];
      }
      assertThat(av).isCloseTo(top.value() * top.vector()[p], within(1e-9 * scale));
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
