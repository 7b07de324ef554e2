package org.rankcf.framework.model.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.SparseKernels;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;

class ContrastiveLightGcnTest {
  private static final int USERS = 12;
  private static final int ITEMS = 9;
  private static final int DIM = 4;
  private static final Interactions TRAIN = LightGcnTest.randomGraph(USERS, ITEMS, 0.4, 3);
  private static final Initializer INIT = new Initializer("normal", 0.5);

  private static Model simGcl(Parallel parallel) {
    return ContrastiveLightGcn.simGcl(TRAIN, DIM, INIT, new SimGclConfig(2, null, 0.3, 0.5, 0.7), 5, parallel);
  }

  private static Model xSimGcl(Parallel parallel) {
    return ContrastiveLightGcn.xSimGcl(TRAIN, DIM, INIT, new XSimGclConfig(3, null, 0.3, 0.5, 0.7, 1), 5, parallel);
  }

  /** A batch of train pairs (users and items repeat) with the model's parameter gradients set apart. */
  private static Batch batch(Model model) {
    int[] users = {0, 1, 1, 4, 6, 7, 0};
    int[] items = new int[users.length];
    for (int b = 0; b < users.length; b++) {
      items[b] = TRAIN.userItems()[TRAIN.userPtr()[users[b]] + b % TRAIN.userDegree(users[b])];
    }
    int[] negatives = {8, 2, 3, 8, 0, 5, 1};
    BatchAssembler batch = new BatchAssembler(USERS, ITEMS, DIM);
    batch.assign(users, items, users.length, negatives, 1);
    batch.gather(model.users(), model.items(), new float[USERS * DIM], new float[ITEMS * DIM]);
    batch.setParameters(model.userParameters(), model.itemParameters(), new float[USERS * DIM],
        new float[ITEMS * DIM]);
    return batch.batch();
  }

  /** The term's value with a fresh copy of the same random stream, so the noise is the same each call. */
  private static double value(AuxiliaryObjective term, Batch batch, long seed) {
    return term.valueAndGradient(batch, 1.0, new SplittableRandom(seed));
  }

  /** Central differences of the unweighted value w.r.t. every layer-0 entry against weight-scaled analytics. */
  private static void assertGradientMatches(Model model) {
    Batch batch = batch(model);
    AuxiliaryObjective term = model.auxiliaryObjectives().get(0);
    double weight = term.weight();
    term.valueAndGradient(batch, weight, new SplittableRandom(11));
    float[][] analytic = {batch.userParameterGrad().clone(), batch.itemParameterGrad().clone()};
    float[][] tables = {model.userParameters().data(), model.itemParameters().data()};
    // small enough that no noisy entry changes sign (the noise's sign is a step)
    double h = 2e-3;
    double worst = 0;
    for (int side = 0; side < 2; side++) {
      float[] x = tables[side];
      for (int t = 0; t < x.length; t++) {
        float saved = x[t];
        x[t] = (float) (saved + h);
        double plus = value(term, batch, 11);
        x[t] = (float) (saved - h);
        double minus = value(term, batch, 11);
        x[t] = saved;
        double numeric = weight * (plus - minus) / (2 * h);
        double error = Math.abs(numeric - analytic[side][t]) / Math.max(1e-2, Math.abs(numeric));
        worst = Math.max(worst, error);
      }
    }
    assertThat(worst).isLessThan(5e-3);
    assertThat(analytic[0]).as("users in the batch get a gradient").isNotEqualTo(new float[analytic[0].length]);
  }

  @Test
  void simGclGradientMatchesFiniteDifferences() {
    assertGradientMatches(simGcl(Parallel.serial()));
  }

  @Test
  void xSimGclGradientMatchesFiniteDifferences() {
    assertGradientMatches(xSimGcl(Parallel.serial()));
  }

  @Test
  void termIsTheSameForEveryThreadCount() {
    for (boolean cross : new boolean[] {false, true}) {
      try (Parallel two = new Parallel(2)) {
        Model serial = cross ? xSimGcl(Parallel.serial()) : simGcl(Parallel.serial());
        Model threaded = cross ? xSimGcl(two) : simGcl(two);
        Batch a = batch(serial);
        Batch b = batch(threaded);
        double va = serial.auxiliaryObjectives().get(0).valueAndGradient(a, 0.7, new SplittableRandom(4));
        double vb = threaded.auxiliaryObjectives().get(0).valueAndGradient(b, 0.7, new SplittableRandom(4));
        assertThat(vb).isEqualTo(va);
        assertThat(b.userParameterGrad()).containsExactly(a.userParameterGrad());
        assertThat(b.itemParameterGrad()).containsExactly(a.itemParameterGrad());
      }
    }
  }

  @Test
  void noiseHasTheConfiguredLengthAndKeepsEachEntrysSign() {
    LightGcn base = LightGcn.create(TRAIN, DIM, INIT, new LightGcnConfig(1, null), 5, Parallel.serial());
    NoisyPropagation noisy = new NoisyPropagation(base.graph(), base.weights(), DIM, Parallel.serial());
    noisy.forward(base.userParameters().data(), base.itemParameters().data(), 0.25f, new SplittableRandom(9));
    float[] clean = new float[USERS * DIM];
    SparseKernels.path().multiply(base.graph().userToItem(), base.itemParameters().data(), 1f, null, 0f, clean,
        DIM, Parallel.serial());
    float[] perturbed = noisy.userLayer(1);
    for (int u = 0; u < USERS; u++) {
      double norm = 0;
      for (int c = 0; c < DIM; c++) {
        double delta = perturbed[u * DIM + c] - clean[u * DIM + c];
        assertThat(delta * clean[u * DIM + c]).isGreaterThanOrEqualTo(0);
        norm += delta * delta;
      }
      // isolated users have an all-zero row: sign 0, no noise
      assertThat(Math.sqrt(norm)).isCloseTo(TRAIN.userDegree(u) > 0 ? 0.25 : 0, within(1e-5));
    }
  }

  @Test
  void infoNceMatchesTheDefinitionOnAHandMadeFixture() {
    float[] view1 = {3, 4, 0, 1, 1, 1};
    float[] view2 = {1, 0, 0, 2, 2, 2};
    int[] ids = {0, 2};
    double tau = 0.5;
    // rows 0 and 2: z1 = (0.6, 0.8), (0.7071, 0.7071); z2 = (1, 0), (0.7071, 0.7071)
    double r = Math.sqrt(0.5);
    double[][] s = {{0.6 / tau, (0.6 * r + 0.8 * r) / tau}, {r / tau, 1 / tau}};
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      expected += Math.log(Math.exp(s[i][0]) + Math.exp(s[i][1])) - s[i][i];
    }
    expected /= 2;
    float[] grad = new float[6];
    double value = new InfoNce(2, Parallel.serial()).valueAndGradient(view1, view2, ids, 2, tau, 1, grad, grad);
    assertThat(value).isCloseTo(expected, within(1e-6));
    assertThat(grad[2]).isZero();
    assertThat(grad[3]).isZero();
  }

  @Test
  void modelsDeclareThemselvesPropagatingAndNameTheirTerm() {
    Model model = simGcl(Parallel.serial());
    assertThat(model.capabilities()).doesNotContain(ModelCapability.PARAMETERS_ARE_FINAL_TABLES);
    assertThat(model.parameters()).containsExactly(model.userParameters(), model.itemParameters());
    assertThat(model.auxiliaryObjectives()).extracting(AuxiliaryObjective::name).containsExactly("simgcl-infonce");
    assertThat(model.auxiliaryObjectives().get(0).weight()).isEqualTo(0.7);
  }

  @Test
  void badSettingsNameTheirKey() {
    assertThatThrownBy(() -> new XSimGclConfig(2, null, 0.2, 0.2, 0.2, 3)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("contrastive-layer");
    assertThatThrownBy(() -> new SimGclConfig(2, null, 0.2, 0, 0.2)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> new SimGclConfig(0, null, 0.2, 0.2, 0.2)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("layers");
  }
}
