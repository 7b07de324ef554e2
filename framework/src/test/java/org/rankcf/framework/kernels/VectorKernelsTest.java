package org.rankcf.framework.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VectorKernelsTest {
  private static final int[] SIZES = {1, 7, 8, 15, 16, 31, 63, 64, 65, 130};
  private final KernelPath scalar = Kernels.scalar();
  private final KernelPath vector = Kernels.vector();

  @Test
  void loadsByReflectionWhenTheModuleIsPresent() {
    assertThat(vector).isNotNull();
    assertThat(vector.name()).isEqualTo("vector");
    assertThat(vector.tileScorer()).isSameAs(VectorTileScorer.INSTANCE);
    assertThat(scalar.tileScorer()).isSameAs(ScalarTileScorer.INSTANCE);
  }

  @Test
  void dotAgreesWithScalarToRounding() {
    SplittableRandom random = new SplittableRandom(1);
    for (int n : SIZES) {
      float[] a = random(n + 3, random);
      float[] b = random(n + 5, random);
      float expected = scalar.dot(a, 3, b, 5, n);
      assertThat(vector.dot(a, 3, b, 5, n)).as("n=%d", n).isCloseTo(expected, within(1e-5f * (n + 1)));
    }
    assertThat(vector.dot(new float[0], 0, new float[0], 0, 0)).isZero();
  }

  @Test
  void axpyIsBitIdentical() {
    SplittableRandom random = new SplittableRandom(2);
    for (int n : SIZES) {
      float[] x = random(n + 2, random);
      float[] y = random(n + 1, random);
      float[] yScalar = y.clone();
      vector.axpy(-0.37f, x, 2, y, 1, n);
      scalar.axpy(-0.37f, x, 2, yScalar, 1, n);
      assertThat(y).as("n=%d", n).containsExactly(yScalar);
    }
  }

  @Test
  void axpbyIsBitIdenticalAndEqualsTwoAxpys() {
    SplittableRandom random = new SplittableRandom(5);
    for (int n : SIZES) {
      float[] x = random(n + 2, random);
      float[] y = random(n + 3, random);
      float[] z = random(n + 1, random);
      float[] zScalar = z.clone();
      float[] zTwice = z.clone();
      vector.axpby(-0.37f, x, 2, 1.5f, y, 3, z, 1, n);
      scalar.axpby(-0.37f, x, 2, 1.5f, y, 3, zScalar, 1, n);
      assertThat(z).as("n=%d", n).containsExactly(zScalar);
      scalar.axpy(-0.37f, x, 2, zTwice, 1, n);
      scalar.axpy(1.5f, y, 3, zTwice, 1, n);
      for (int t = 0; t < z.length; t++) {
        assertThat(z[t]).isCloseTo(zTwice[t], org.assertj.core.api.Assertions.within(1e-5f));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 17, 64, 65})
  void gemmNTAgreesWithScalarOnAwkwardShapes(int k) {
    SplittableRandom random = new SplittableRandom(k);
    int[][] shapes = {{1, 1}, {1, 17}, {4, 16}, {5, 33}, {7, 63}, {9, 130}, {130, 9}, {66, 1000}};
    for (int[] shape : shapes) {
      int m = shape[0];
      int n = shape[1];
      int ldc = n + 3;
      float[] a = random(2 + m * k, random);
      float[] b = random(1 + n * k, random);
      float[] c = random(4 + m * ldc, random);
      float[] cScalar = c.clone();
      vector.gemmNT(a, 2, m, b, 1, n, k, c, 4, ldc);
      scalar.gemmNT(a, 2, m, b, 1, n, k, cScalar, 4, ldc);
      for (int t = 0; t < c.length; t++) {
        boolean outside = t < 4 || (t - 4) % ldc >= n;
        if (outside) {
          assertThat(c[t]).as("untouched %d", t).isEqualTo(cScalar[t]);
        } else {
          assertThat(c[t]).as("m=%d n=%d at %d", m, n, t).isCloseTo(cScalar[t], within(1e-5f * k));
        }
      }
    }
  }

  @Test
  void gemmNTWithEmptyInnerDimensionWritesZeros() {
    float[] c = {5, 5, 5, 5};
    vector.gemmNT(new float[0], 0, 2, new float[0], 0, 2, 0, c, 0, 2);
    assertThat(c).containsExactly(0, 0, 0, 0);
  }

  @ParameterizedTest
  // with 6-row strips and AVX2's 8-float vectors: no vectors (1..7), one-vector tiles at the diagonal (8, 12, 24,
  // 33, 40, 64, 72), rows below the last strip (8, 16, 17, 33, 40, 64), columns after the last vector (17, 33)
  @ValueSource(ints = {1, 3, 4, 6, 7, 8, 12, 16, 17, 24, 33, 40, 64, 72})
  void gramAccumulateIsBitIdenticalAndTouchesOnlyTheUpperTriangle(int dim) {
    SplittableRandom random = new SplittableRandom(dim);
    int rows = 2 * KernelPath.GRAM_BLOCK + 75;
    float[] x = random(rows * dim, random);
    float[] scale = random(rows, random);
    for (float[] rowScale : new float[][] {null, scale}) {
      double[] gram = new double[dim * dim];
      for (int t = 0; t < gram.length; t++) {
        gram[t] = random.nextDouble();
      }
      double[] before = gram.clone();
      double[] gramScalar = gram.clone();
      vector.gramAccumulate(x, rowScale, 3, rows - 5, dim, gram);
      scalar.gramAccumulate(x, rowScale, 3, rows - 5, dim, gramScalar);
      assertThat(gram).containsExactly(gramScalar);
      for (int p = 0; p < dim; p++) {
        for (int q = 0; q < dim; q++) {
          double expected = before[p * dim + q];
          if (q >= p) {
            for (int r = 3; r < rows - 5; r++) {
              double s = rowScale == null ? 1 : rowScale[r];
              expected += (double) x[r * dim + p] * x[r * dim + q] * s * s;
            }
            assertThat(gram[p * dim + q]).isCloseTo(expected, within(1e-4 * rows));
          } else {
            assertThat(gram[p * dim + q]).isEqualTo(expected);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 8, 17, 64})
  void unitRowGramSetsTheInverseNormsAndAgreesAcrossPaths(int dim) {
    SplittableRandom random = new SplittableRandom(dim);
    int rows = 2 * KernelPath.GRAM_BLOCK + 75;
    float[] x = random(rows * dim, random);
    // a zero row sits at the norm floor: its scale is the floor's inverse, its Gram terms stay 0
    Arrays.fill(x, 10 * dim, 11 * dim, 0f);
    for (KernelPath path : new KernelPath[] {vector, scalar}) {
      float[] inverse = new float[rows];
      double[] gram = new double[dim * dim];
      path.unitRowGramAccumulate(x, inverse, 1e-3, 3, rows - 5, dim, gram);
      assertThat(inverse[2]).isZero();
      assertThat(inverse[rows - 5]).isZero();
      assertThat(inverse[10]).isEqualTo(1e3f);
      for (int r = 3; r < rows - 5; r++) {
        if (r != 10) {
          double squares = 0;
          for (int c = 0; c < dim; c++) {
            squares += (double) x[r * dim + c] * x[r * dim + c];
          }
          assertThat((double) inverse[r]).isCloseTo(1 / Math.sqrt(squares), within(1e-6 / Math.sqrt(squares)));
        }
      }
      // the Gram of the rows at the scales the kernel reports, exactly as gramAccumulate would add it
      double[] expected = new double[dim * dim];
      scalar.gramAccumulate(x, inverse, 3, rows - 5, dim, expected);
      assertThat(gram).containsExactly(expected);
    }
  }

  @Test
  void expShiftedSumIsBitIdenticalPerElementAndSumsAgree() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : new int[] {1, 7, 8, 65, 130, 600, 16384}) {
      float[] x = new float[n];
      for (int t = 0; t < n; t++) {
        x[t] = (float) (2 * random.nextDouble() - 1);
      }
      x[0] = 1.0000001f;
      float[] xs = x.clone();
      double sum = vector.expShiftedSum(x, n, 4f);
      double sumScalar = scalar.expShiftedSum(xs, n, 4f);
      assertThat(x).containsExactly(xs);
      assertThat(sum).isCloseTo(sumScalar, within(1e-6 * sumScalar));
    }
    // 4 * (x - 1) below -87: e^y is no normal float any more, so the kernel gives 0
    float[] far = {-30f, -21.75f, 1f};
    vector.expShiftedSum(far, 3, 4f);
    assertThat(far[0]).isZero();
    assertThat(far[1]).isZero();
    assertThat(far[2]).isEqualTo(1f);
  }

  @Test
  void adamIsBitIdenticalAndClearsTheGradient() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : SIZES) {
      float[] p = random(n + 2, random);
      float[] g = random(n + 2, random);
      float[] m = random(n + 2, random);
      float[] v = random(n + 2, random);
      for (int t = 0; t < v.length; t++) {
        v[t] = Math.abs(v[t]);
      }
      float[] ps = p.clone();
      float[] gs = g.clone();
      float[] ms = m.clone();
      float[] vs = v.clone();
      vector.adam(p, g, m, v, 1, n + 1, 1e-4f, 0.9f, 0.999f, 0.01f, 1.3f, 1e-8f);
      scalar.adam(ps, gs, ms, vs, 1, n + 1, 1e-4f, 0.9f, 0.999f, 0.01f, 1.3f, 1e-8f);
      assertThat(p).containsExactly(ps);
      assertThat(m).containsExactly(ms);
      assertThat(v).containsExactly(vs);
      assertThat(g).containsExactly(gs);
      assertThat(g[1]).isZero();
      assertThat(g[n]).isZero();
    }
  }

  @Test
  void tileScorersAreBitIdenticalToTheFmaSequence() {
    SplittableRandom random = new SplittableRandom(4);
    int items = 37;
    for (TileScorer scorer : new TileScorer[] {vector.tileScorer(), scalar.tileScorer()}) {
      int width = scorer.panelWidth();
      for (int k : new int[] {0, 1, 3, 64, 65}) {
        float[] b = random(5 + items * k, random);
        float[] panels = new float[Panels.size(items, k, width)];
        Panels.pack(b, 5, items, k, width, panels);
        for (int rows = 1; rows <= scorer.maxRows(); rows++) {
          float[] a = random(1 + rows * k, random);
          for (int p = 0; p < Panels.count(items, width); p++) {
            int ldo = width + 2;
            float[] out = new float[rows * ldo];
            scorer.scoreTile(a, 1, rows, k, panels, p * width * k, out, 0, ldo);
            for (int r = 0; r < rows; r++) {
              for (int j = 0; j < width && p * width + j < items; j++) {
                assertThat(out[r * ldo + j]).as("k=%d rows=%d r=%d item=%d", k, rows, r, p * width + j)
                    .isEqualTo(fmaDot(a, 1 + r * k, b, 5 + (p * width + j) * k, k));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void nextAboveFindsTheFirstScoreNotAtOrBelowTheThreshold() {
    for (TileScorer scorer : new TileScorer[] {vector.tileScorer(), scalar.tileScorer()}) {
      float[] scores = new float[40];
      java.util.Arrays.fill(scores, 1f);
      assertThat(scorer.nextAbove(scores, 0, 40, 1f)).as("ties are not above").isEqualTo(40);
      assertThat(scorer.nextAbove(scores, 3, 40, Float.NaN)).as("a NaN threshold admits all").isEqualTo(3);
      scores[21] = 1.5f;
      scores[30] = Float.NaN;
      scores[38] = 2f;
      assertThat(scorer.nextAbove(scores, 0, 40, 1f)).isEqualTo(21);
      assertThat(scorer.nextAbove(scores, 22, 40, 1f)).as("NaN scores count").isEqualTo(30);
      assertThat(scorer.nextAbove(scores, 31, 40, 1.9f)).as("in the scalar tail").isEqualTo(38);
      assertThat(scorer.nextAbove(scores, 31, 38, 1.9f)).as("bounded by to").isEqualTo(38);
      assertThat(scorer.nextAbove(scores, 5, 5, 0f)).isEqualTo(5);
    }
  }

  static float fmaDot(float[] a, int aOff, float[] b, int bOff, int k) {
    float acc = 0f;
    for (int t = 0; t < k; t++) {
      acc = Math.fma(a[aOff + t], b[bOff + t], acc);
    }
    return acc;
  }

  private static float[] random(int n, SplittableRandom random) {
    float[] x = new float[n];
    for (int t = 0; t < n; t++) {
      x[t] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }
}
