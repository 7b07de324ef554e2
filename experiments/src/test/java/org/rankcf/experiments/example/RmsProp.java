package org.rankcf.experiments.example;

import java.util.List;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.optim.RowOptimizer;

/** RMSprop over a model's tables; {@link RowOptimizer} does the traversal, the schedule and the checkpoint state. */
public final class RmsProp extends RowOptimizer<RmsPropConfig> {
  private final float[][] meanSquare;

  public RmsProp(RmsPropConfig config, List<EmbeddingTable> parameters) {
    super(config, parameters);
    this.meanSquare = newState("mean-square", 0f);
  }

  @Override
  protected RangeUpdate prepare(double lr, long step) {
    float rate = (float) lr;
    float rho = (float) config().rho();
    float eps = (float) config().eps();
    return (kernels, t, p, g, from, to) -> {
      float[] s = meanSquare[t];
      for (int i = from; i < to; i++) {
        float square = rho * s[i] + (1 - rho) * g[i] * g[i];
        s[i] = square;
        p[i] -= rate * g[i] / (float) Math.sqrt(square + eps);
        g[i] = 0f; // the next batch starts from a clear gradient
      }
    };
  }
}
