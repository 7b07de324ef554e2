package org.rankcf.framework.model.graph;

import java.util.List;
import java.util.Set;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.SparseKernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;
import org.rankcf.framework.util.Parallel;

/**
 * LightGCN (He et al., SIGIR 2020): the parameters are layer-0 user and item tables E^(0), initialised
 * exactly as {@link MatrixFactorization} with the same seed; K layers E^(k+1) = A_norm E^(k) over the
 * normalised training graph give the final tables E = sum_k w_k E^(k), which score pairs by dot product.
 *
 * <p>Both directions are full-graph sparse products. Since A_norm is symmetric, the gradient w.r.t. E^(0)
 * is sum_k w_k A_norm^k G for the gradient G w.r.t. E, evaluated Horner-style with K products:
 * acc = w_K G; acc = w_k G + A_norm acc for k = K-1..0.
 *
 * <p>Results are the same for every thread count: each output row is computed by one thread in a fixed
 * order.
 */
public final class LightGcn implements Model {
  private final NormalizedBipartiteGraph graph;
  private final MatrixFactorization layer0;
  private final float[] weights;
  private final Parallel parallel;
  private final SparseKernels.Path kernels = SparseKernels.path();
  private final EmbeddingTable users;
  private final EmbeddingTable items;
  /** Ping-pong buffers for the layers, per side. */
  private final float[][] userLayers;
  private final float[][] itemLayers;
  /** Ping-pong buffers for the Horner accumulator, per side; separate so that forward() keeps gradients. */
  private final float[][] userGrads;
  private final float[][] itemGrads;

  /** A model on an already built graph (a sweep over one split can share it). */
  public LightGcn(NormalizedBipartiteGraph graph, int dim, Initializer init, LightGcnConfig config, long seed,
      Parallel parallel) {
    this.graph = graph;
    this.layer0 = new MatrixFactorization(graph.numUsers(), graph.numItems(), dim, init, seed);
    this.weights = config.weights();
    this.parallel = parallel;
    this.users = new EmbeddingTable(graph.numUsers(), dim);
    this.items = new EmbeddingTable(graph.numItems(), dim);
    int buffers = Math.min(config.layers(), 2);
    this.userLayers = new float[buffers][graph.numUsers() * dim];
    this.itemLayers = new float[buffers][graph.numItems() * dim];
    this.userGrads = new float[Math.max(1, buffers)][graph.numUsers() * dim];
    this.itemGrads = new float[Math.max(1, buffers)][graph.numItems() * dim];
    forward();
  }

  /** Builds the normalised graph of {@code train} and a model on it; the final tables are ready. */
  public static LightGcn create(Interactions train, int dim, Initializer init, LightGcnConfig config, long seed,
      Parallel parallel) {
    return new LightGcn(NormalizedBipartiteGraph.of(train), dim, init, config, seed, parallel);
  }

  @Override
  public String name() {
    return "lightgcn";
  }

  @Override
  public int dim() {
    return users.dim();
  }

  public int layers() {
    return weights.length - 1;
  }

  public NormalizedBipartiteGraph graph() {
    return graph;
  }

  /** The layer-0 tables E^(0), users first. */
  @Override
  public List<EmbeddingTable> parameters() {
    return layer0.parameters();
  }

  /** None: the final tables are propagated from the parameters. */
  @Override
  public Set<ModelCapability> capabilities() {
    return Set.of();
  }

  @Override
  public EmbeddingTable userParameters() {
    return layer0.users();
  }

  @Override
  public EmbeddingTable itemParameters() {
    return layer0.items();
  }

  /** The layer weights w_0..w_K. */
  public float[] weights() {
    return weights.clone();
  }

  @Override
  public void forward() {
    int dim = dim();
    float[] baseUsers = layer0.users().data();
    float[] baseItems = layer0.items().data();
    if (layers() == 0) {
      scale(weights[0], baseUsers, users.data());
      scale(weights[0], baseItems, items.data());
      return;
    }
    float[] currentUsers = baseUsers;
    float[] currentItems = baseItems;
    for (int k = 1; k <= layers(); k++) {
      float[] nextUsers = userLayers[(k - 1) % userLayers.length];
      float[] nextItems = itemLayers[(k - 1) % itemLayers.length];
      // layer 1 starts the sum from w_0 E^(0); later layers add to it in place
      float keep = k == 1 ? weights[0] : 1f;
      float[] sumUsers = k == 1 ? baseUsers : users.data();
      float[] sumItems = k == 1 ? baseItems : items.data();
      kernels.multiplyAccumulate(graph.userToItem(), currentItems, nextUsers, keep, sumUsers, weights[k],
          users.data(), dim, parallel);
      kernels.multiplyAccumulate(graph.itemToUser(), currentUsers, nextItems, keep, sumItems, weights[k],
          items.data(), dim, parallel);
      currentUsers = nextUsers;
      currentItems = nextItems;
    }
  }

  @Override
  public EmbeddingTable users() {
    return users;
  }

  @Override
  public EmbeddingTable items() {
    return items;
  }

  /**
   * The gradient w.r.t. the layer-0 tables from the gradient w.r.t. the final ones. The inputs are only
   * read (the caller clears them itself). The returned arrays are this model's own buffers, valid until the
   * next {@code backward} (which rewrites them in full, so the caller may also clear them after use, as the
   * optimiser does); {@link #forward()} leaves them alone.
   */
  @Override
  public List<float[]> backward(float[] userGrad, float[] itemGrad) {
    int dim = dim();
    int last = layers();
    if (last == 0) {
      scale(weights[0], userGrad, userGrads[0]);
      scale(weights[0], itemGrad, itemGrads[0]);
      return List.of(userGrads[0], itemGrads[0]);
    }
    // the first step folds acc = w_K G into the product: acc = w_K A G + w_{K-1} G
    float[] accUsers = userGrad;
    float[] accItems = itemGrad;
    float productScale = weights[last];
    for (int k = last - 1, step = 0; k >= 0; k--, step++) {
      float[] nextUsers = userGrads[step % userGrads.length];
      float[] nextItems = itemGrads[step % itemGrads.length];
      kernels.multiply(graph.userToItem(), accItems, productScale, userGrad, weights[k], nextUsers, dim, parallel);
      kernels.multiply(graph.itemToUser(), accUsers, productScale, itemGrad, weights[k], nextItems, dim, parallel);
      accUsers = nextUsers;
      accItems = nextItems;
      productScale = 1f;
    }
    return List.of(accUsers, accItems);
  }

  private void scale(float weight, float[] from, float[] to) {
    parallel.forRange(from.length, (chunk, start, end) -> {
      for (int t = start; t < end; t++) {
        to[t] = weight * from[t];
      }
    });
  }
}
