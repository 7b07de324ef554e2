package org.rankcf.framework.model.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.CsrMatrix;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;

class LightGcnTest {
  private static final int USERS = 12;
  private static final int ITEMS = 9;
  private static final int DIM = 5;

  /** Random pairs over USERS x ITEMS; users 10, 11 and item 8 stay isolated. */
  static Interactions randomGraph(int numUsers, int numItems, double density, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] users = new int[numUsers * numItems];
    int[] items = new int[numUsers * numItems];
    int n = 0;
    for (int u = 0; u < numUsers - 2; u++) {
      for (int i = 0; i < numItems - 1; i++) {
        if (random.nextDouble() < density) {
          users[n] = u;
          items[n++] = i;
        }
      }
    }
    return Interactions.fromPairs(numUsers, numItems, users, items, n);
  }

  /** The (users + items) square normalised adjacency in double, from the definition. */
  static double[][] denseAdjacency(Interactions train) {
    int n = train.numUsers() + train.numItems();
    double[][] a = new double[n][n];
    for (int u = 0; u < train.numUsers(); u++) {
      for (int i = 0; i < train.numItems(); i++) {
        if (train.contains(u, i)) {
          double w = 1 / Math.sqrt((double) train.userDegree(u) * train.itemDegree(i));
          a[u][train.numUsers() + i] = w;
          a[train.numUsers() + i][u] = w;
        }
      }
    }
    return a;
  }

  /** sum_k w_k A^k E^(0) in double; rows are users then items. */
  static double[][] denseFinal(Interactions train, LightGcn model, double[] weights) {
    double[][] a = denseAdjacency(train);
    int n = a.length;
    double[][] layer = new double[n][DIM];
    List<EmbeddingTable> params = model.parameters();
    for (int r = 0; r < n; r++) {
      EmbeddingTable table = r < train.numUsers() ? params.get(0) : params.get(1);
      int row = r < train.numUsers() ? r : r - train.numUsers();
      for (int t = 0; t < DIM; t++) {
        layer[r][t] = table.get(row, t);
      }
    }
    double[][] sum = new double[n][DIM];
    for (int k = 0; k < weights.length; k++) {
      for (int r = 0; r < n; r++) {
        for (int t = 0; t < DIM; t++) {
          sum[r][t] += weights[k] * layer[r][t];
        }
      }
      double[][] next = new double[n][DIM];
      for (int r = 0; r < n; r++) {
        for (int s = 0; s < n; s++) {
          for (int t = 0; t < DIM; t++) {
            next[r][t] += a[r][s] * layer[s][t];
          }
        }
      }
      layer = next;
    }
    return sum;
  }

  static LightGcn model(Interactions train, LightGcnConfig config, Parallel parallel) {
    return LightGcn.create(train, DIM, Initializer.PAPER, config, 42, parallel);
  }

  @Test
  void graphHoldsInverseSqrtDegreesSymmetricallyAndEmptyRowsForIsolatedNodes() {
    Interactions train = randomGraph(USERS, ITEMS, 0.4, 1);
    NormalizedBipartiteGraph graph = NormalizedBipartiteGraph.of(train);
    assertThat(graph.nonZeros()).isEqualTo(2L * train.size());
    double[][] dense = denseAdjacency(train);
    CsrMatrix r = graph.userToItem();
    CsrMatrix rt = graph.itemToUser();
    for (int u = 0; u < USERS; u++) {
      for (int p = r.ptr()[u]; p < r.ptr()[u + 1]; p++) {
        assertThat((double) r.values()[p]).isCloseTo(dense[u][USERS + r.cols()[p]], within(1e-7));
      }
    }
    for (int i = 0; i < ITEMS; i++) {
      for (int p = rt.ptr()[i]; p < rt.ptr()[i + 1]; p++) {
        int u = rt.cols()[p];
        int q = Arrays.binarySearch(r.cols(), r.ptr()[u], r.ptr()[u + 1], i);
        assertThat(rt.values()[p]).isEqualTo(r.values()[q]);
      }
    }
    assertThat(r.ptr()[USERS]).isEqualTo(r.ptr()[USERS - 2]);
    assertThat(rt.ptr()[ITEMS]).isEqualTo(rt.ptr()[ITEMS - 1]);
  }

  @Test
  void forwardMatchesDensePropagationWithMeanAndCustomWeights() {
    Interactions train = randomGraph(USERS, ITEMS, 0.4, 2);
    assertForwardMatchesDense(train, LightGcnConfig.DEFAULTS, new double[] {0.25, 0.25, 0.25, 0.25});
    assertForwardMatchesDense(train, new LightGcnConfig(2, List.of(0.5, 0.0, 2.0)), new double[] {0.5, 0, 2});
    assertForwardMatchesDense(train, new LightGcnConfig(1, null), new double[] {0.5, 0.5});
    assertForwardMatchesDense(train, new LightGcnConfig(0, List.of(3.0)), new double[] {3});
  }

  private static void assertForwardMatchesDense(Interactions train, LightGcnConfig config, double[] weights) {
    LightGcn model = model(train, config, Parallel.serial());
    double[][] expected = denseFinal(train, model, weights);
    for (int r = 0; r < expected.length; r++) {
      EmbeddingTable table = r < USERS ? model.users() : model.items();
      int row = r < USERS ? r : r - USERS;
      for (int t = 0; t < DIM; t++) {
        assertThat((double) table.get(row, t)).as("node %d col %d", r, t).isCloseTo(expected[r][t], within(1e-5));
      }
    }
    // isolated nodes keep only their own layer-0 term
    assertThat(model.users().get(USERS - 1, 0))
        .isCloseTo((float) (weights[0] * model.parameters().get(0).get(USERS - 1, 0)), within(1e-6f));
  }

  @Test
  void layerZeroIsInitialisedAsMatrixFactorisationWithTheSameSeed() {
    Interactions train = randomGraph(USERS, ITEMS, 0.4, 3);
    LightGcn model = model(train, LightGcnConfig.DEFAULTS, Parallel.serial());
    MatrixFactorization mf = new MatrixFactorization(USERS, ITEMS, DIM, Initializer.PAPER, 42);
    assertThat(model.parameters().get(0).data()).isEqualTo(mf.users().data());
    assertThat(model.parameters().get(1).data()).isEqualTo(mf.items().data());
  }

  /** A scalar function of the final tables: a random linear part plus BPR-style softplus terms. */
  private static final class TestObjective {
    final double[] userWeights;
    final double[] itemWeights;
    final int[][] triples;

    TestObjective(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      userWeights = random.doubles(USERS * DIM, -1, 1).toArray();
      itemWeights = random.doubles(ITEMS * DIM, -1, 1).toArray();
      triples = new int[6][];
      for (int b = 0; b < triples.length; b++) {
        triples[b] = new int[] {random.nextInt(USERS), random.nextInt(ITEMS), random.nextInt(ITEMS)};
      }
    }

    double value(EmbeddingTable users, EmbeddingTable items) {
      double f = 0;
      for (int t = 0; t < USERS * DIM; t++) {
        f += userWeights[t] * users.data()[t];
      }
      for (int t = 0; t < ITEMS * DIM; t++) {
        f += itemWeights[t] * items.data()[t];
      }
      for (int[] triple : triples) {
        f += Math.log1p(Math.exp(-margin(users, items, triple)));
      }
      return f;
    }

    /** Gradient w.r.t. the final tables, as a loss would hand it to the trainer. */
    float[][] gradient(EmbeddingTable users, EmbeddingTable items) {
      double[] gu = userWeights.clone();
      double[] gi = itemWeights.clone();
      for (int[] triple : triples) {
        double s = -1 / (1 + Math.exp(margin(users, items, triple))); // d softplus(-m) / dm
        for (int t = 0; t < DIM; t++) {
          gu[triple[0] * DIM + t] += s * (items.get(triple[1], t) - items.get(triple[2], t));
          gi[triple[1] * DIM + t] += s * users.get(triple[0], t);
          gi[triple[2] * DIM + t] -= s * users.get(triple[0], t);
        }
      }
      return new float[][] {toFloat(gu), toFloat(gi)};
    }

    private static double margin(EmbeddingTable users, EmbeddingTable items, int[] triple) {
      double m = 0;
      for (int t = 0; t < DIM; t++) {
        m += (double) users.get(triple[0], t) * (items.get(triple[1], t) - items.get(triple[2], t));
      }
      return m;
    }
  }

  @Test
  void backwardMatchesCentralFiniteDifferencesOnLayerZero() {
    Interactions train = randomGraph(USERS, ITEMS, 0.4, 4);
    LightGcn model = LightGcn.create(train, DIM, new Initializer("normal", 0.5),
        new LightGcnConfig(2, List.of(0.5, 0.3, 0.2)), 7, Parallel.serial());
    TestObjective objective = new TestObjective(8);
    float[][] finalGrad = objective.gradient(model.users(), model.items());
    float[] userGradCopy = finalGrad[0].clone();
    List<float[]> analytic = model.backward(finalGrad[0], finalGrad[1]);
    assertThat(finalGrad[0]).as("inputs are only read").isEqualTo(userGradCopy);
    double h = 1e-2;
    double worst = 0;
    for (int side = 0; side < 2; side++) {
      float[] params = model.parameters().get(side).data();
      for (int t = 0; t < params.length; t++) {
        float saved = params[t];
        params[t] = (float) (saved + h);
        model.forward();
        double plus = objective.value(model.users(), model.items());
        params[t] = (float) (saved - h);
        model.forward();
        double minus = objective.value(model.users(), model.items());
        params[t] = saved;
        double numeric = (plus - minus) / (2 * h);
        worst = Math.max(worst, Math.abs(numeric - analytic.get(side)[t]) / Math.max(0.1, Math.abs(numeric)));
      }
    }
    assertThat(worst).as("worst relative gradient error").isLessThan(2e-3);
  }

  @Test
  void backwardWithoutLayersScalesTheGradient() {
    Interactions train = randomGraph(USERS, ITEMS, 0.4, 5);
    LightGcn model = model(train, new LightGcnConfig(0, List.of(0.5)), Parallel.serial());
    float[] userGrad = {1, 2, 3, 4, 5};
    float[] gu = Arrays.copyOf(userGrad, USERS * DIM);
    List<float[]> grads = model.backward(gu, new float[ITEMS * DIM]);
    assertThat(Arrays.copyOf(grads.get(0), DIM)).containsExactly(0.5f, 1f, 1.5f, 2f, 2.5f);
  }

  @Test
  void resultsAreIdenticalAcrossRunsAndThreadCounts() {
    Interactions train = randomGraph(300, 200, 0.05, 6);
    float[][] serial = propagateAndBackward(train, Parallel.serial());
    try (Parallel two = new Parallel(2)) {
      float[][] first = propagateAndBackward(train, two);
      float[][] second = propagateAndBackward(train, two);
      for (int t = 0; t < serial.length; t++) {
        assertThat(first[t]).isEqualTo(second[t]).isEqualTo(serial[t]);
      }
    }
  }

  private static float[][] propagateAndBackward(Interactions train, Parallel parallel) {
    LightGcn model = LightGcn.create(train, 64, Initializer.PAPER, LightGcnConfig.DEFAULTS, 9, parallel);
    SplittableRandom random = new SplittableRandom(10);
    float[] gu = toFloat(random.doubles(300 * 64L, -1, 1).toArray());
    float[] gi = toFloat(random.doubles(200 * 64L, -1, 1).toArray());
    List<float[]> grads = model.backward(gu, gi);
    return new float[][] {model.users().data(), model.items().data(), grads.get(0).clone(), grads.get(1).clone()};
  }

  @Test
  void configValidationNamesTheKey() {
    assertThat(LightGcnConfig.DEFAULTS.weights()).containsExactly(0.25f, 0.25f, 0.25f, 0.25f);
    assertThatThrownBy(() -> new LightGcnConfig(-1, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("layers:");
    assertThatThrownBy(() -> new LightGcnConfig(2, List.of(1.0, 1.0)))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("layer-weights: needs layers + 1 = 3");
    assertThatThrownBy(() -> new LightGcnConfig(1, List.of(1.0, -0.5)))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("layer-weights[1]:");
    assertThatThrownBy(() -> new LightGcnConfig(1, List.of(0.0, 0.0)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("all be 0");
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int t = 0; t < values.length; t++) {
      out[t] = (float) values[t];
    }
    return out;
  }
}
