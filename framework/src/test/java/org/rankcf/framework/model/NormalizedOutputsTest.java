package org.rankcf.framework.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.graph.LightGcn;
import org.rankcf.framework.model.graph.LightGcnConfig;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;
import org.rankcf.framework.util.Parallel;

class NormalizedOutputsTest {
  private static final Interactions TRAIN = Interactions.fromPairs(5, 4,
      new int[] {0, 0, 1, 2, 3, 4, 4}, new int[] {0, 1, 1, 2, 3, 0, 3});

  private static Model mf() {
    return new MatrixFactorization(5, 4, 3, new Initializer("normal", 0.7), 8);
  }

  private static Model lightGcn() {
    return LightGcn.create(TRAIN, 3, new Initializer("normal", 0.7), new LightGcnConfig(2, null), 8, Parallel.serial());
  }

  @Test
  void outputsAreTheBaseOutputsRowNormalisedSoDotProductsAreCosines() {
    Model base = mf();
    NormalizedOutputs model = new NormalizedOutputs(base);
    for (int u = 0; u < 5; u++) {
      double norm = 0;
      for (int c = 0; c < 3; c++) {
        norm += base.users().get(u, c) * base.users().get(u, c);
      }
      for (int c = 0; c < 3; c++) {
        assertThat(model.users().get(u, c)).isCloseTo((float) (base.users().get(u, c) / Math.sqrt(norm)), within(1e-6f));
      }
    }
    assertThat(model.parameters()).isEqualTo(base.parameters());
    assertThat(model.capabilities()).doesNotContain(ModelCapability.PARAMETERS_ARE_FINAL_TABLES);
    // forward follows a parameter change
    base.parameters().get(1).data()[0] = 5f;
    model.forward();
    assertThat(model.items().get(0, 0)).isGreaterThan(0.9f);
  }

  @Test
  void gradientThroughMatrixFactorisationMatchesFiniteDifferences() {
    assertGradientMatches(mf());
  }

  @Test
  void gradientThroughLightGcnMatchesFiniteDifferences() {
    assertGradientMatches(lightGcn());
  }

  /** Over two threads the outputs and the base gradients have the serial bits. */
  @Test
  void twoThreadsGiveTheSerialBits() {
    SplittableRandom random = new SplittableRandom(6);
    float[] gradU = new float[5 * 3];
    float[] gradI = new float[4 * 3];
    for (int t = 0; t < gradU.length; t++) {
      gradU[t] = (float) (random.nextDouble() - 0.5);
    }
    for (int t = 0; t < gradI.length; t++) {
      gradI[t] = (float) (random.nextDouble() - 0.5);
    }
    NormalizedOutputs serial = new NormalizedOutputs(lightGcn());
    List<float[]> serialGrads = serial.backward(gradU.clone(), gradI.clone()).stream().map(float[]::clone).toList();
    try (Parallel parallel = new Parallel(2)) {
      NormalizedOutputs threaded = new NormalizedOutputs(lightGcn(), parallel);
      assertThat(threaded.users().data()).isEqualTo(serial.users().data());
      assertThat(threaded.items().data()).isEqualTo(serial.items().data());
      List<float[]> threadedGrads = threaded.backward(gradU.clone(), gradI.clone());
      for (int table = 0; table < serialGrads.size(); table++) {
        assertThat(threadedGrads.get(table)).as("table %d", table).isEqualTo(serialGrads.get(table));
      }
    }
  }

  /**
   * F = sum G_U * U^ + sum (G_I * I^)^2 / 2 of the normalised outputs, a fixed linear and a quadratic part:
   * backward's parameter gradients against central differences of F in double.
   */
  private static void assertGradientMatches(Model base) {
    NormalizedOutputs model = new NormalizedOutputs(base);
    SplittableRandom random = new SplittableRandom(4);
    double[] weightsU = new double[model.users().data().length];
    double[] weightsI = new double[model.items().data().length];
    for (int t = 0; t < weightsU.length; t++) {
      weightsU[t] = random.nextDouble() - 0.5;
    }
    for (int t = 0; t < weightsI.length; t++) {
      weightsI[t] = random.nextDouble() - 0.5;
    }
    float[] gradU = new float[weightsU.length];
    float[] gradI = new float[weightsI.length];
    for (int t = 0; t < gradU.length; t++) {
      gradU[t] = (float) weightsU[t];
    }
    for (int t = 0; t < gradI.length; t++) {
      gradI[t] = (float) (weightsI[t] * weightsI[t] * model.items().data()[t]);
    }
    List<float[]> analytic = model.backward(gradU, gradI).stream().map(float[]::clone).toList();
    double h = 1e-2;
    for (int table = 0; table < 2; table++) {
      float[] parameter = model.parameters().get(table).data();
      for (int t = 0; t < parameter.length; t++) {
        float saved = parameter[t];
        parameter[t] = (float) (saved + h);
        model.forward();
        double plus = value(model, weightsU, weightsI);
        parameter[t] = (float) (saved - h);
        model.forward();
        double minus = value(model, weightsU, weightsI);
        parameter[t] = saved;
        double numeric = (plus - minus) / (2 * h);
        assertThat((double) analytic.get(table)[t]).as("table %d entry %d", table, t)
            .isCloseTo(numeric, within(2e-3 * Math.max(1, Math.abs(numeric))));
      }
    }
    model.forward();
  }

  private static double value(Model model, double[] weightsU, double[] weightsI) {
    double sum = 0;
    for (int t = 0; t < weightsU.length; t++) {
      sum += weightsU[t] * model.users().data()[t];
    }
    for (int t = 0; t < weightsI.length; t++) {
      double scaled = weightsI[t] * model.items().data()[t];
      sum += scaled * scaled / 2;
    }
    return sum;
  }
}
