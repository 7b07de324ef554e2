package org.rankcf.framework.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.util.Parallel;

class SpectraTest {
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
}
