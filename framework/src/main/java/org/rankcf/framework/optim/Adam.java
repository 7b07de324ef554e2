package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.model.EmbeddingTable;

/**
 * Adam with coupled L2 weight decay over a model's parameter tables (the {@code adam} plug-in). Dense mode
 * updates every row at every step (as PyTorch's Adam on a dense embedding gradient does); lazy mode updates
 * only the rows listed for the step, an approximation (see {@link AdamConfig#lazy()}).
 */
public final class Adam extends RowOptimizer<AdamConfig> {
  private final float[][] m;
  private final float[][] v;

  public Adam(AdamConfig config, List<EmbeddingTable> parameters) {
    super(config, parameters);
    this.m = newState("m", 0f);
    this.v = newState("v", 0f);
  }

  /** First and second moments of parameter table t. */
  public float[] firstMoment(int t) {
    return m[t];
  }

  public float[] secondMoment(int t) {
    return v[t];
  }

  @Override
  protected Adam create(AdamConfig config, List<EmbeddingTable> tables) {
    return new Adam(config, tables);
  }

  @Override
  protected RangeUpdate prepare(double lr, long step) {
    AdamStep s = new AdamStep(config().beta1(), config().beta2(), config().eps(), lr, step);
    float weightDecay = (float) config().weightDecay();
    return (kernels, t, p, g, from, to) -> kernels.adam(p, g, m[t], v[t], from, to, weightDecay, s.beta1(),
        s.beta2(), s.stepSize(), s.invSqrtBc2(), s.eps());
  }
}
