package org.rankcf.framework.model.graph;

import java.util.SplittableRandom;
import org.rankcf.framework.kernels.SparseKernels;
import org.rankcf.framework.util.Parallel;

/**
 * LightGCN's propagation with random noise added to every layer, as SimGCL and XSimGCL perturb it:
 * E^(k) = A_norm E^(k-1) + eps * sign(A_norm E^(k-1)) * r / |r| with r uniform in [0, 1)^dim drawn per row
 * and layer, and the final tables E = sum_k w_k E^(k). All layers are kept, since XSimGCL contrasts one of
 * them with the final tables.
 *
 * <p>The noise keeps the sign of the entry it is added to, so it is a constant offset wherever the entry is
 * not 0 and the Jacobian is LightGCN's: the gradient w.r.t. E^(0) is sum_k A_norm^k H_k for the gradient
 * H_k reaching layer k, evaluated Horner-style. Every row draws from a stream seeded by (layer seed, row),
 * and every output row is computed by one thread, so results do not depend on the thread count.
 */
final class NoisyPropagation {
  private final NormalizedBipartiteGraph graph;
  private final float[] weights;
  private final int dim;
  private final Parallel parallel;
  private final SparseKernels.Path kernels = SparseKernels.path();
  /** Layers 1..K per side (index 0 is the caller's layer-0 table during a forward pass). */
  private final float[][] userLayers;
  private final float[][] itemLayers;
  private final float[] users;
  private final float[] items;
  /** Horner accumulators (ping-pong) and the gradient reaching the current layer, per side. */
  private final float[][] userAcc;
  private final float[][] itemAcc;
  private final float[] userHere;
  private final float[] itemHere;

  NoisyPropagation(NormalizedBipartiteGraph graph, float[] weights, int dim, Parallel parallel) {
    this.graph = graph;
    this.weights = weights.clone();
    this.dim = dim;
    this.parallel = parallel;
    int layers = weights.length - 1;
    this.userLayers = new float[layers + 1][];
    this.itemLayers = new float[layers + 1][];
    for (int k = 1; k <= layers; k++) {
      userLayers[k] = new float[graph.numUsers() * dim];
      itemLayers[k] = new float[graph.numItems() * dim];
    }
    this.users = new float[graph.numUsers() * dim];
    this.items = new float[graph.numItems() * dim];
    this.userAcc = new float[2][graph.numUsers() * dim];
    this.itemAcc = new float[2][graph.numItems() * dim];
    this.userHere = new float[graph.numUsers() * dim];
    this.itemHere = new float[graph.numItems() * dim];
  }

  int layers() {
    return weights.length - 1;
  }

  /** Propagates the layer-0 tables with noise of magnitude {@code eps}, drawn from {@code random}. */
  void forward(float[] users0, float[] items0, float eps, SplittableRandom random) {
    userLayers[0] = users0;
    itemLayers[0] = items0;
    for (int k = 1; k <= layers(); k++) {
      kernels.multiply(graph.userToItem(), itemLayers[k - 1], 1f, null, 0f, userLayers[k], dim, parallel);
      kernels.multiply(graph.itemToUser(), userLayers[k - 1], 1f, null, 0f, itemLayers[k], dim, parallel);
      addNoise(userLayers[k], eps, random.nextLong());
      addNoise(itemLayers[k], eps, random.nextLong());
    }
    combine(userLayers, users);
    combine(itemLayers, items);
  }

  /** Final user table of the last forward pass (rows of dim). */
  float[] users() {
    return users;
  }

  float[] items() {
    return items;
  }

  /** Layer k's user table of the last forward pass (k = 0 is the layer-0 table given to it). */
  float[] userLayer(int k) {
    return userLayers[k];
  }

  float[] itemLayer(int k) {
    return itemLayers[k];
  }

  /**
   * Adds the gradient w.r.t. the layer-0 tables into {@code outUsers} / {@code outItems}, from the gradient
   * w.r.t. the final tables plus, when {@code layer >= 0}, a gradient w.r.t. that layer's tables (which may
   * then not be null).
   */
  void backward(float[] userGrad, float[] itemGrad, int layer, float[] userLayerGrad, float[] itemLayerGrad,
      float[] outUsers, float[] outItems) {
    int last = layers();
    float[] accUsers = gradientAt(last, userGrad, layer, userLayerGrad, userAcc[0]);
    float[] accItems = gradientAt(last, itemGrad, layer, itemLayerGrad, itemAcc[0]);
    for (int k = last - 1, step = 1; k >= 0; k--, step++) {
      float[] nextUsers = userAcc[step % 2];
      float[] nextItems = itemAcc[step % 2];
      float[] hereUsers = gradientAt(k, userGrad, layer, userLayerGrad, userHere);
      float[] hereItems = gradientAt(k, itemGrad, layer, itemLayerGrad, itemHere);
      kernels.multiply(graph.userToItem(), accItems, 1f, hereUsers, 1f, nextUsers, dim, parallel);
      kernels.multiply(graph.itemToUser(), accUsers, 1f, hereItems, 1f, nextItems, dim, parallel);
      accUsers = nextUsers;
      accItems = nextItems;
    }
    addInto(accUsers, outUsers);
    addInto(accItems, outItems);
  }

  /** H_k = w_k G + [k == layer] G_layer, written into {@code out}. */
  private float[] gradientAt(int k, float[] grad, int layer, float[] layerGrad, float[] out) {
    float weight = weights[k];
    boolean extra = k == layer;
    parallel.forRange(out.length, (chunk, start, end) -> {
      for (int t = start; t < end; t++) {
        out[t] = weight * grad[t] + (extra ? layerGrad[t] : 0f);
      }
    });
    return out;
  }

  private void addNoise(float[] layer, float eps, long seed) {
    int rows = layer.length / dim;
    parallel.forRange(rows, (chunk, from, to) -> {
      double[] noise = new double[dim];
      for (int row = from; row < to; row++) {
        SplittableRandom random = new SplittableRandom(seed ^ (row * 0x9E3779B97F4A7C15L));
        double norm = 0;
        for (int c = 0; c < dim; c++) {
          noise[c] = random.nextDouble();
          norm += noise[c] * noise[c];
        }
        double scale = eps / Math.sqrt(norm);
        int base = row * dim;
        for (int c = 0; c < dim; c++) {
          layer[base + c] += (float) (Math.signum(layer[base + c]) * noise[c] * scale);
        }
      }
    });
  }

  private void combine(float[][] layers, float[] out) {
    parallel.forRange(out.length, (chunk, start, end) -> {
      for (int t = start; t < end; t++) {
        float sum = 0f;
        for (int k = 0; k < layers.length; k++) {
          sum += weights[k] * layers[k][t];
        }
        out[t] = sum;
      }
    });
  }

  private void addInto(float[] from, float[] into) {
    parallel.forRange(from.length, (chunk, start, end) -> {
      for (int t = start; t < end; t++) {
        into[t] += from[t];
      }
    });
  }
}
