package org.rankcf.framework.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.util.Parallel;

class UnitRowGramsTest {
  private static float[] gaussian(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[length];
    for (int t = 0; t < length; t++) {
      x[t] = (float) random.nextGaussian();
    }
    return x;
  }

  @Test
  void oneThreadGivesEachBlocksOwnGramBitForBit() {
    int dim = 16;
    int[] rows = {300, 0, 1100};
    float[][] xs = {gaussian(300 * dim, 1), new float[0], gaussian(1100 * dim, 2)};
    float[][] inverse = {new float[300], new float[0], new float[1100]};
    double[][] grams = Spectra.unitRowGrams(xs, inverse, rows, dim, 1e-12, Parallel.serial());
    for (int b = 0; b < rows.length; b++) {
      float[] alone = new float[rows[b]];
      assertThat(grams[b]).containsExactly(Spectra.unitRowGram(xs[b], alone, rows[b], dim, 1e-12, Parallel.serial()));
      assertThat(inverse[b]).containsExactly(alone);
    }
    assertThat(grams[1]).containsOnly(0.0);
  }

  @Test
  void twoThreadsSplitTheBlocksAndStillGiveEachBlocksGram() {
    // 500 + 900 rows cut at row 700 of the concatenation: the second block is shared by both threads
    int dim = 12;
    int[] rows = {500, 900};
    float[][] xs = {gaussian(500 * dim, 3), gaussian(900 * dim, 4)};
    float[][] inverse = {new float[500], new float[900]};
    double[][] grams;
    try (Parallel parallel = new Parallel(2)) {
      grams = Spectra.unitRowGrams(xs, inverse, rows, dim, 1e-12, parallel);
    }
    for (int b = 0; b < 2; b++) {
      for (int p = 0; p < dim; p++) {
        for (int q = 0; q < dim; q++) {
          double expected = 0;
          for (int r = 0; r < rows[b]; r++) {
            double squares = 0;
            for (int c = 0; c < dim; c++) {
              squares += (double) xs[b][r * dim + c] * xs[b][r * dim + c];
            }
            expected += xs[b][r * dim + p] * (double) xs[b][r * dim + q] / squares;
          }
          assertThat(grams[b][p * dim + q]).isCloseTo(expected, within(1e-5 * rows[b]));
          assertThat(grams[b][p * dim + q]).isEqualTo(grams[b][q * dim + p]);
        }
      }
      // unit rows: the trace is the row count
      double trace = 0;
      for (int c = 0; c < dim; c++) {
        trace += grams[b][c * dim + c];
      }
      assertThat(trace).isCloseTo(rows[b], within(1e-3));
    }
  }
}
