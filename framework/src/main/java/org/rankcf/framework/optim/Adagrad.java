package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.model.EmbeddingTable;

/** Adagrad (the {@code adagrad} plug-in); semantics in {@link AdagradConfig}. */
public final class Adagrad extends RowOptimizer<AdagradConfig> {
  private final float[][] sumSquares;

  public Adagrad(AdagradConfig config, List<EmbeddingTable> parameters) {
    super(config, parameters);
    this.sumSquares = newState("sum-squares", (float) config.initialAccumulator());
  }

  @Override
  protected Adagrad create(AdagradConfig config, List<EmbeddingTable> tables) {
    return new Adagrad(config, tables);
  }

  @Override
  protected RangeUpdate prepare(double lr, long step) {
    float rate = (float) lr;
    float decay = (float) config().weightDecay();
    float eps = (float) config().eps();
    return (kernels, t, p, g, from, to) -> {
      float[] s = sumSquares[t];
      for (int i = from; i < to; i++) {
        float grad = g[i] + decay * p[i];
        float sum = s[i] + grad * grad;
        s[i] = sum;
        p[i] -= rate * grad / ((float) Math.sqrt(sum) + eps);
        g[i] = 0f;
      }
    };
  }
}
