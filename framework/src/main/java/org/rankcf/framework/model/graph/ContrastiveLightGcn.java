package org.rankcf.framework.model.graph;

import java.util.List;
import java.util.Set;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;
import org.rankcf.framework.util.Parallel;

/**
 * SimGCL and XSimGCL: a LightGCN that scores and is trained by the phase's loss on its clean propagation,
 * plus a contrastive auxiliary objective between noisy views of its layer-0 tables ({@link GraphContrast}).
 *
 * <p>XSimGCL's paper also feeds the recommendation loss the perturbed final tables (so that one
 * propagation serves both terms); here the loss sees the clean tables, as in SimGCL.
 */
public final class ContrastiveLightGcn implements Model {
  private final String name;
  private final LightGcn base;
  private final GraphContrast contrast;

  private ContrastiveLightGcn(String name, LightGcn base, GraphContrast contrast) {
    this.name = name;
    this.base = base;
    this.contrast = contrast;
  }

  /** SimGCL on the normalised graph of {@code train}. */
  public static ContrastiveLightGcn simGcl(Interactions train, int dim, Initializer init, SimGclConfig config,
      long seed, Parallel parallel) {
    LightGcn base = LightGcn.create(train, dim, init, config.propagation(), seed, parallel);
    return new ContrastiveLightGcn("simgcl", base, GraphContrast.twoViews(base, config.contrast(), parallel));
  }

  /** XSimGCL on the normalised graph of {@code train}. */
  public static ContrastiveLightGcn xSimGcl(Interactions train, int dim, Initializer init, XSimGclConfig config,
      long seed, Parallel parallel) {
    LightGcn base = LightGcn.create(train, dim, init, config.propagation(), seed, parallel);
    return new ContrastiveLightGcn("xsimgcl", base,
        GraphContrast.finalAndLayer(base, config.contrast(), config.contrastiveLayer(), parallel));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dim() {
    return base.dim();
  }

  @Override
  public List<EmbeddingTable> parameters() {
    return base.parameters();
  }

  @Override
  public Set<ModelCapability> capabilities() {
    return base.capabilities();
  }

  @Override
  public EmbeddingTable userParameters() {
    return base.userParameters();
  }

  @Override
  public EmbeddingTable itemParameters() {
    return base.itemParameters();
  }

  @Override
  public List<AuxiliaryObjective> auxiliaryObjectives() {
    return List.of(contrast);
  }

  @Override
  public void forward() {
    base.forward();
  }

  @Override
  public EmbeddingTable users() {
    return base.users();
  }

  @Override
  public EmbeddingTable items() {
    return base.items();
  }

  @Override
  public List<float[]> backward(float[] userGrad, float[] itemGrad) {
    return base.backward(userGrad, itemGrad);
  }
}
