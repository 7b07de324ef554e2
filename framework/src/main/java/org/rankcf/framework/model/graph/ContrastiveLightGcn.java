package org.rankcf.framework.model.graph;

import java.util.List;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.AugmentedModel;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.util.Parallel;

/**
 * SimGCL and XSimGCL: a LightGCN that scores and is trained by the phase's loss on its clean propagation,
 * plus a contrastive auxiliary objective between noisy views of its layer-0 tables ({@link GraphContrast}).
 *
 * <p>XSimGCL's paper also feeds the recommendation loss the perturbed final tables (so that one
 * propagation serves both terms); here the loss sees the clean tables, as in SimGCL.
 */
public final class ContrastiveLightGcn {
  private ContrastiveLightGcn() {}

  /** SimGCL on the normalised graph of {@code train}. */
  public static Model simGcl(Interactions train, int dim, Initializer init, SimGclConfig config, long seed,
      Parallel parallel) {
    LightGcn base = LightGcn.create(train, dim, init, config.propagation(), seed, parallel);
    return new AugmentedModel("simgcl", base, List.of(GraphContrast.twoViews(base, config.contrast(), parallel)));
  }

  /** XSimGCL on the normalised graph of {@code train}. */
  public static Model xSimGcl(Interactions train, int dim, Initializer init, XSimGclConfig config, long seed,
      Parallel parallel) {
    LightGcn base = LightGcn.create(train, dim, init, config.propagation(), seed, parallel);
    return new AugmentedModel("xsimgcl", base,
        List.of(GraphContrast.finalAndLayer(base, config.contrast(), config.contrastiveLayer(), parallel)));
  }
}
