package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.model.EmbeddingTable;

/** SGD with momentum or Nesterov momentum (the {@code sgd} plug-in); semantics in {@link SgdConfig}. */
public final class Sgd extends RowOptimizer<SgdConfig> {
  /** The momentum buffers; none without momentum, so plain SGD keeps no state. */
  private final float[][] buffer;

  public Sgd(SgdConfig config, List<EmbeddingTable> parameters) {
    super(config, parameters);
    this.buffer = config.momentum() > 0 ? newState("momentum", 0f) : null;
  }

  @Override
  protected Sgd create(SgdConfig config, List<EmbeddingTable> tables) {
    return new Sgd(config, tables);
  }

  @Override
  protected RangeUpdate prepare(double lr, long step) {
    float rate = (float) lr;
    float decay = (float) config().weightDecay();
    float mu = (float) config().momentum();
    boolean nesterov = config().nesterov();
    if (buffer == null) {
      return (kernels, t, p, g, from, to) -> {
        for (int i = from; i < to; i++) {
          p[i] -= rate * (g[i] + decay * p[i]);
          g[i] = 0f;
        }
      };
    }
    return (kernels, t, p, g, from, to) -> {
      float[] b = buffer[t];
      for (int i = from; i < to; i++) {
        float grad = g[i] + decay * p[i];
        float velocity = mu * b[i] + grad;
        b[i] = velocity;
        p[i] -= rate * (nesterov ? grad + mu * velocity : velocity);
        g[i] = 0f;
      }
    };
  }
}
