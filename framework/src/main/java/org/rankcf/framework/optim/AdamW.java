package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.model.EmbeddingTable;

/** Adam with decoupled weight decay (the {@code adamw} plug-in); semantics in {@link AdamWConfig}. */
public final class AdamW extends RowOptimizer<AdamWConfig> {
  private final float[][] m;
  private final float[][] v;

  public AdamW(AdamWConfig config, List<EmbeddingTable> parameters) {
    super(config, parameters);
    this.m = newState("m", 0f);
    this.v = newState("v", 0f);
  }

  @Override
  protected AdamW create(AdamWConfig config, List<EmbeddingTable> tables) {
    return new AdamW(config, tables);
  }

  @Override
  protected RangeUpdate prepare(double lr, long step) {
    AdamStep s = new AdamStep(config().beta1(), config().beta2(), config().eps(), lr, step);
    float shrink = (float) (1 - lr * config().weightDecay());
    return (kernels, t, p, g, from, to) -> {
      for (int i = from; i < to; i++) {
        p[i] *= shrink;
      }
      // the shared Adam kernel with no coupled decay
      kernels.adam(p, g, m[t], v[t], from, to, 0f, s.beta1(), s.beta2(), s.stepSize(), s.invSqrtBc2(), s.eps());
    };
  }
}
