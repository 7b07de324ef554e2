package org.rankcf.framework.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HouseholderRowsTest {
  @Test
  void pathsMatchTheDefinition() {
    HouseholderRows[] kernels = {Kernels.scalar().householderRows(), Kernels.vector().householderRows()};
    assertThat(kernels[0]).isSameAs(ScalarHouseholderRows.INSTANCE);
    assertThat(kernels[1]).isSameAs(VectorHouseholderRows.INSTANCE);
    SplittableRandom random = new SplittableRandom(9);
    for (int dim : new int[] {4, 9, 64, 65}) {
      for (int i0 = 0; i0 + HouseholderRows.ROWS <= dim; i0 += HouseholderRows.ROWS) {
        double[] m = random(dim * dim, random);
        double[] v = random(dim, random);
        double[] w = random(dim, random);
        double[] u = random(dim, random);
        double[] p = random(dim, random);
        double tau = random.nextDouble();
        int end = i0 + HouseholderRows.ROWS;
        // the diagonal block's upper half mirrors its lower half
        for (int i = i0; i < end; i++) {
          for (int j = i + 1; j < end; j++) {
            m[i * dim + j] = m[j * dim + i];
          }
        }
        double[] expectedM = m.clone();
        double[] expectedP = p.clone();
        for (int i = i0; i < end; i++) {
          double sum = 0;
          for (int j = 0; j < end; j++) {
            double b = m[i * dim + j] - (v[i] * w[j] + w[i] * v[j]);
            expectedM[i * dim + j] = b;
            if (j < i0) {
              expectedP[j] += tau * u[i] * b;
            }
            sum += b * u[j];
          }
          expectedP[i] += tau * sum;
        }
        for (HouseholderRows kernel : kernels) {
          double[] actualM = m.clone();
          double[] actualP = p.clone();
          kernel.updateAndMultiply(actualM, dim, i0, v, w, u, tau, actualP,
              new double[HouseholderRows.SCRATCH_LENGTH]);
          for (int t = 0; t < m.length; t++) {
            assertThat(actualM[t]).as("%s d=%d i0=%d m[%d]", kernel, dim, i0, t)
                .isCloseTo(expectedM[t], within(1e-14));
          }
          for (int t = 0; t < dim; t++) {
            assertThat(actualP[t]).as("%s d=%d i0=%d p[%d]", kernel, dim, i0, t)
                .isCloseTo(expectedP[t], within(1e-13 * dim));
          }
        }
      }
    }
  }

  private static double[] random(int n, SplittableRandom random) {
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = random.nextDouble(-1, 1);
    }
    return x;
  }
}
