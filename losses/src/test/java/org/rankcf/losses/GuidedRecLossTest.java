package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Objective;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;

class GuidedRecLossTest {
  private static final int N = 3;

  @Test
  void bceOfOnePairByHand() {
    // cosines 1 (positive) and 0 (negative), n = 1: softplus(-1) + softplus(0)
    Batch batch = TestBatches.of(new float[][] {{2, 0}}, new float[][] {{3, 0}, {0, 1}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    GuidedRecLoss loss = new GuidedRecLoss(new GuidedRecLoss.Config(1), AdvInfoNceLossTest.context(1, 2, 4));
    assertThat(loss.valueAndGradient(batch, 1.0)).isCloseTo(0.31326168751822286 + 0.6931471805599453, within(1e-7));
  }

  @Test
  void dcgRanksThePositiveAmongItsRow() {
    // one negative above the positive, one tied (not above): rank 2, DCG 1/log2(3)
    assertThat(GuidedRecLoss.dcg(new double[] {0.5, 0.7, 0.2, 0.5}, 0, 4)).isCloseTo(0.6309297535714575, within(1e-15));
    assertThat(GuidedRecLoss.dcg(new double[] {0.9, 0.7, 0.2, 0.5}, 0, 4)).isEqualTo(1.0);
  }

  @Test
  void bceGradientMatchesFiniteDifferences() {
    Batch batch = TestBatches.repeatingIds(N, 0.7, 42);
    GuidedRecLoss loss = loss();
    GradientCheck.assertGradientMatches(loss, batch, (users, items) -> {
      double sum = 0;
      for (int r = 0; r < batch.size(); r++) {
        double[] c = cosines(batch, users, items, r);
        sum -= N * Math.log(LossReferences.sigmoid(c[0]));
        for (int k = 1; k <= N; k++) {
          sum -= Math.log(1 - LossReferences.sigmoid(c[k]));
        }
      }
      return sum / batch.size();
    }, 1e-5, 1e-4);
  }

  @Test
  void guidedGradientMatchesFiniteDifferencesOfAnIndependentForward() {
    Batch batch = TestBatches.repeatingIds(N, 0.7, 43);
    GuidedRecLoss loss = loss();
    double[][] phi = weights(loss);
    Objective guided = (b, w) -> loss.valueAndGradient(b, w, GuidedRecLoss.GUIDED);
    GradientCheck.assertGradientMatches(guided, batch, (users, items) -> {
      double sum = 0;
      for (int r = 0; r < batch.size(); r++) {
        sum -= surrogate(phi, probabilities(cosines(batch, users, items, r)));
      }
      return sum / batch.size();
    }, 1e-5, 1e-4);
  }

  @Test
  void surrogateGradientMatchesFiniteDifferencesOverEveryWeight() {
    Batch batch = TestBatches.repeatingIds(N, 0.7, 44);
    GuidedRecLoss loss = loss();
    double[][] phi = weights(loss);
    double value = loss.valueAndGradient(batch, 1.0, GuidedRecLoss.SURROGATE);
    double[] users = LossReferences.toDouble(batch.users());
    double[] items = LossReferences.toDouble(batch.items());
    assertThat(value).isCloseTo(fitError(batch, users, items, phi), within(1e-6));
    List<float[]> analytic = loss.parameterGroups().get(0).gradients();
    double h = 1e-6;
    double worst = 0;
    for (int t = 0; t < phi.length; t++) {
      for (int e = 0; e < phi[t].length; e++) {
        double saved = phi[t][e];
        phi[t][e] = saved + h;
        double plus = fitError(batch, users, items, phi);
        phi[t][e] = saved - h;
        double minus = fitError(batch, users, items, phi);
        phi[t][e] = saved;
        double numeric = (plus - minus) / (2 * h);
        worst = Math.max(worst, Math.abs(numeric - analytic.get(t)[e]) / Math.max(1e-3, Math.abs(numeric)));
      }
    }
    assertThat(worst).isLessThan(1e-3);
  }

  @Test
  void theSurrogateAndGuidedPassesNeedTheirNegatives() {
    Batch batch = TestBatches.repeatingIds(2, 0.7, 45);
    assertThatThrownBy(() -> loss().valueAndGradient(batch, 1.0, GuidedRecLoss.SURROGATE))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("train.sampler.negatives"))
        .hasMessageContaining("built for 3 negatives");
  }

  @Test
  void threePassesPerStepWithTheirOwnTargets() {
    List<org.rankcf.framework.spi.LossPass> passes = loss().passes(0);
    assertThat(passes).extracting(p -> p.stepsModel()).containsExactly(true, false, true);
    assertThat(passes).extracting(p -> p.stepsOwnParameters()).containsExactly(false, true, false);
  }

  private static GuidedRecLoss loss() {
    return new GuidedRecLoss(new GuidedRecLoss.Config(N), AdvInfoNceLossTest.context(6, 9, 4));
  }

  private static double fitError(Batch batch, double[] users, double[] items, double[][] phi) {
    double sum = 0;
    for (int r = 0; r < batch.size(); r++) {
      double[] p = probabilities(cosines(batch, users, items, r));
      double error = surrogate(phi, p) - GuidedRecLoss.dcg(p, 0, p.length);
      sum += error * error;
    }
    return sum / batch.size();
  }

  /**
   * f_φ written out from LOSSES.md §L8.2 on double copies of the weights (W1, b1, W2, b2, Wz, bz, Wi, bi, Wa,
   * ba, wo, bo), independently of {@link SurrogateNetwork}.
   */
  private static double surrogate(double[][] phi, double[] p) {
    int m = p.length;
    double[] x = new double[2 * m];
    for (int i = 0; i < m; i++) {
      x[2 * i] = p[i];
      x[2 * i + 1] = i == 0 ? 1 : 0;
    }
    double[] dense = linearTanh(phi[2], phi[3], linearTanh(phi[0], phi[1], x));
    double[][] z = new double[m][];
    for (int i = 0; i < m; i++) {
      z[i] = linearTanh(phi[4], phi[5], new double[] {x[2 * i], x[2 * i + 1]});
    }
    double[] s = new double[m];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < m; i++) {
        for (int c = 0; c < z[i].length; c++) {
          s[j] += z[i][c] * z[j][c] / m;
        }
      }
    }
    double[] interaction = linearTanh(phi[6], phi[7], s);
    double[] product = new double[dense.length];
    for (int c = 0; c < product.length; c++) {
      product[c] = dense[c] * interaction[c];
    }
    return linearTanh(phi[10], phi[11], linearTanh(phi[8], phi[9], product))[0];
  }

  private static double[] linearTanh(double[] weights, double[] bias, double[] in) {
    double[] out = new double[bias.length];
    for (int o = 0; o < out.length; o++) {
      double sum = bias[o];
      for (int i = 0; i < in.length; i++) {
        sum += weights[o * in.length + i] * in[i];
      }
      out[o] = Math.tanh(sum);
    }
    return out;
  }

  private static double[][] weights(GuidedRecLoss loss) {
    List<EmbeddingTable> tables = loss.parameterGroups().get(0).tables();
    double[][] phi = new double[tables.size()][];
    for (int t = 0; t < phi.length; t++) {
      phi[t] = LossReferences.toDouble(tables.get(t).data());
    }
    return phi;
  }

  /** Row r's cosines, positive first. */
  private static double[] cosines(Batch batch, double[] users, double[] items, int r) {
    double[] c = new double[N + 1];
    for (int slot = 0; slot <= N; slot++) {
      c[slot] = LossReferences.cosine(batch, users, items, r, slot);
    }
    return c;
  }

  private static double[] probabilities(double[] c) {
    double[] p = new double[c.length];
    for (int k = 0; k < c.length; k++) {
      p[k] = LossReferences.sigmoid(c[k]);
    }
    return p;
  }
}
