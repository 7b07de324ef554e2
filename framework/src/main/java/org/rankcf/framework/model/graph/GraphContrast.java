package org.rankcf.framework.model.graph;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.util.Parallel;

/**
 * The contrastive term of SimGCL and XSimGCL: InfoNCE over the batch's unique users plus InfoNCE over its
 * unique positive items (the rows the papers contrast), between two noisy views of the layer-0 tables.
 * SimGCL's views are the final tables of two independent noisy propagations ({@code layer} = -1); XSimGCL's
 * are the final tables and layer {@code layer} of one noisy propagation.
 */
final class GraphContrast implements AuxiliaryObjective {
  private final String name;
  private final EmbeddingTable userParameters;
  private final EmbeddingTable itemParameters;
  private final Contrast contrast;
  private final int layer;
  private final NoisyPropagation first;
  private final NoisyPropagation second;
  private final InfoNce infoNce;
  /** Gradients w.r.t. the first view's final tables (SimGCL: both views', which share the Jacobian). */
  private final float[] userGrad;
  private final float[] itemGrad;
  /** XSimGCL: gradients w.r.t. the contrasted layer; null for SimGCL. */
  private final float[] userLayerGrad;
  private final float[] itemLayerGrad;

  private GraphContrast(String name, LightGcn base, Contrast contrast, int layer, Parallel parallel) {
    this.name = name;
    this.userParameters = base.userParameters();
    this.itemParameters = base.itemParameters();
    this.contrast = contrast;
    this.layer = layer;
    this.first = new NoisyPropagation(base.graph(), base.weights(), base.dim(), parallel);
    this.second = layer < 0 ? new NoisyPropagation(base.graph(), base.weights(), base.dim(), parallel) : null;
    this.infoNce = new InfoNce(base.dim(), parallel);
    this.userGrad = new float[userParameters.data().length];
    this.itemGrad = new float[itemParameters.data().length];
    this.userLayerGrad = layer < 0 ? null : new float[userGrad.length];
    this.itemLayerGrad = layer < 0 ? null : new float[itemGrad.length];
  }

  /** SimGCL's term: two independent noisy propagations. */
  static GraphContrast twoViews(LightGcn base, Contrast contrast, Parallel parallel) {
    return new GraphContrast("simgcl-infonce", base, contrast, -1, parallel);
  }

  /** XSimGCL's term: the final tables against layer {@code layer} of one noisy propagation. */
  static GraphContrast finalAndLayer(LightGcn base, Contrast contrast, int layer, Parallel parallel) {
    return new GraphContrast("xsimgcl-infonce", base, contrast, layer, parallel);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double weight() {
    return contrast.weight();
  }

  @Override
  public double valueAndGradient(Batch batch, double weight, SplittableRandom random) {
    float eps = (float) contrast.noise();
    first.forward(userParameters.data(), itemParameters.data(), eps, random.split());
    float[] users2;
    float[] items2;
    if (second != null) {
      second.forward(userParameters.data(), itemParameters.data(), eps, random.split());
      users2 = second.users();
      items2 = second.items();
    } else {
      users2 = first.userLayer(layer);
      items2 = first.itemLayer(layer);
    }
    float[] userGrad2 = second != null ? userGrad : userLayerGrad;
    float[] itemGrad2 = second != null ? itemGrad : itemLayerGrad;
    double tau = contrast.temperature();
    double value = infoNce.valueAndGradient(first.users(), users2, batch.uniqueUserIds(), batch.numUniqueUsers(),
        tau, weight, userGrad, userGrad2);
    value += infoNce.valueAndGradient(first.items(), items2, batch.uniqueItemIds(), batch.numPositiveItems(),
        tau, weight, itemGrad, itemGrad2);
    first.backward(userGrad, itemGrad, layer, userLayerGrad, itemLayerGrad, batch.userParameterGrad(),
        batch.itemParameterGrad());
    clear(userGrad, itemGrad, userLayerGrad, itemLayerGrad);
    return value;
  }

  private static void clear(float[]... buffers) {
    for (float[] buffer : buffers) {
      if (buffer != null) {
        Arrays.fill(buffer, 0f);
      }
    }
  }
}
