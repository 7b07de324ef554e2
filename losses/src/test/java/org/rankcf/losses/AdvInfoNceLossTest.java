package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.plugin.PluginContext;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.ParameterGroup;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;

class AdvInfoNceLossTest {
  private static final double TAU = 0.2;
  private static final int ADVERSARY_DIM = 4;

  @Test
  void valueOfOnePairByHand() {
    // cosines: positive 1, negatives 0 and -1; adversary cosines 1 and 0, so δ = 2 (e, 1) / (e + 1); τ 0.5, w 64:
    // L = -2 + log(e^2 + 64 (δ_1 e^0 + δ_2 e^-2)) = 2.659879974398879
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{1, 0}, {0, 1}, {-1, 0}},
        new int[] {0}, new int[] {0}, new int[] {1, 2}, 2);
    AdvInfoNceLoss loss = new AdvInfoNceLoss(new AdvInfoNceLoss.Config(0.5, 64, 5e-5, 5), context(1, 3, 2));
    float[] g = loss.parameterGroups().get(0).tables().get(0).data();
    float[] h = loss.parameterGroups().get(0).tables().get(1).data();
    System.arraycopy(new float[] {3, 0}, 0, g, 0, 2);
    System.arraycopy(new float[] {0, 1, 2, 0, 0, 5}, 0, h, 0, 6);
    assertThat(loss.valueAndGradient(batch, 1.0)).isCloseTo(2.659879974398879, within(1e-6));
  }

  @Test
  void modelGradientMatchesFiniteDifferences() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 42);
    AdvInfoNceLoss loss = new AdvInfoNceLoss(new AdvInfoNceLoss.Config(TAU, 64, 5e-5, 5), context(6, 9, ADVERSARY_DIM));
    double[] g = LossReferences.toDouble(loss.parameterGroups().get(0).tables().get(0).data());
    double[] h = LossReferences.toDouble(loss.parameterGroups().get(0).tables().get(1).data());
    GradientCheck.assertGradientMatches(loss, batch, (users, items) -> reference(batch, users, items, g, h, TAU),
        1e-5, 1e-4);
  }

  @Test
  void adversaryGradientMatchesFiniteDifferences() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 43);
    AdvInfoNceLoss loss = new AdvInfoNceLoss(new AdvInfoNceLoss.Config(TAU, 64, 5e-5, 5), context(6, 9, ADVERSARY_DIM));
    ParameterGroup group = loss.parameterGroups().get(0);
    loss.valueAndGradient(batch, 1.0, new LossPass("adversary", false, true));
    double[] users = LossReferences.toDouble(batch.users());
    double[] items = LossReferences.toDouble(batch.items());
    double[][] tables = {LossReferences.toDouble(group.tables().get(0).data()), LossReferences.toDouble(group.tables().get(1).data())};
    double h = 1e-6;
    for (int t = 0; t < 2; t++) {
      for (int e = 0; e < tables[t].length; e++) {
        double saved = tables[t][e];
        tables[t][e] = saved + h;
        double plus = reference(batch, users, items, tables[0], tables[1], TAU);
        tables[t][e] = saved - h;
        double minus = reference(batch, users, items, tables[0], tables[1], TAU);
        tables[t][e] = saved;
        double numeric = (plus - minus) / (2 * h);
        assertThat((double) group.gradients().get(t)[e]).as("table %d entry %d", t, e)
            .isCloseTo(numeric, within(2e-5 * Math.max(1, Math.abs(numeric))));
      }
    }
  }

  @Test
  void aModelPassLeavesTheAdversaryGradientAlone() {
    Batch batch = TestBatches.repeatingIds(3, 0.7, 44);
    AdvInfoNceLoss loss = new AdvInfoNceLoss(AdvInfoNceLoss.Config.DEFAULTS, context(6, 9, ADVERSARY_DIM));
    loss.valueAndGradient(batch, 1.0, loss.passes(0).get(0));
    for (float[] gradient : loss.parameterGroups().get(0).gradients()) {
      assertThat(gradient).containsOnly(0f);
    }
  }

  @Test
  void everyFifthEpochStepsTheAdversaryByAscentAtItsOwnRate() {
    AdvInfoNceLoss loss = new AdvInfoNceLoss(AdvInfoNceLoss.Config.DEFAULTS, context(6, 9, ADVERSARY_DIM));
    for (int epoch = 0; epoch < 10; epoch++) {
      LossPass pass = loss.passes(epoch).get(0);
      boolean adversarial = epoch == 4 || epoch == 9;
      assertThat(pass.stepsOwnParameters()).as("epoch %d", epoch).isEqualTo(adversarial);
      assertThat(pass.stepsModel()).as("epoch %d", epoch).isEqualTo(!adversarial);
    }
    ParameterGroup group = loss.parameterGroups().get(0);
    assertThat(group.ascent()).isTrue();
    assertThat(group.learningRate().applyAsDouble(0.1)).isEqualTo(5e-5);
  }

  @Test
  void aTinyTemperatureStaysFinite() {
    Batch batch = TestBatches.random(6, 9, 5, 16, 50, 3.0, 45);
    AdvInfoNceLoss loss = new AdvInfoNceLoss(new AdvInfoNceLoss.Config(0.01, 64, 5e-5, 5), context(6, 9, ADVERSARY_DIM));
    assertThat(loss.valueAndGradient(batch, 1.0)).isFinite().isPositive();
    for (float x : batch.userGrad()) {
      assertThat(x).isFinite();
    }
    for (float x : loss.parameterGroups().get(0).gradients().get(1)) {
      assertThat(x).isFinite();
    }
  }

  @Test
  void everyEpochAdversarialIsRefused() {
    assertThatThrownBy(() -> new AdvInfoNceLoss.Config(0.2, 64, 5e-5, 1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("adversarial-every"));
    assertThatThrownBy(() -> new AdvInfoNceLoss.Config(0.2, 0, 5e-5, 5))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("negative-weight"));
  }

  /** LOSSES.md §L4 in double, in its first form: -s+ + log(e^{s+} + w Σ_k δ_k e^{s_k}). */
  static double reference(Batch batch, double[] users, double[] items, double[] g, double[] h, double tau) {
    int n = batch.negatives();
    double sum = 0;
    for (int r = 0; r < batch.size(); r++) {
      double positive = LossReferences.cosine(batch, users, items, r, 0) / tau;
      double[] hardness = new double[n];
      double norm = 0;
      for (int k = 0; k < n; k++) {
        hardness[k] = Math.exp(LossReferences.rowCosine(g, batch.userIds()[r], h, batch.negativeIds()[r * n + k],
            ADVERSARY_DIM));
        norm += hardness[k];
      }
      double denominator = Math.exp(positive);
      for (int k = 0; k < n; k++) {
        double delta = n * hardness[k] / norm;
        denominator += 64 * delta * Math.exp(LossReferences.cosine(batch, users, items, r, 1 + k) / tau);
      }
      sum += -positive + Math.log(denominator);
    }
    return sum / batch.size();
  }

  /** A context over numUsers x numItems (no pairs needed) with the adversary's dimension. */
  static PluginContext context(int numUsers, int numItems, int dim) {
    Interactions empty = Interactions.empty(numUsers, numItems);
    SplitData data = new SplitData("t", "given", empty, empty, empty, IdMap.identity(numUsers), IdMap.identity(numItems));
    return new PluginContext(data, dim, Initializer.PAPER, 7, null);
  }
}
