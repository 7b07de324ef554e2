package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Adam over a model's parameter tables. Dense mode updates every row at every step (as PyTorch's Adam on a
 * dense embedding gradient does); lazy mode updates only the rows listed for the step. The gradient
 * arrays are cleared by the update, ready for the next step.
 */
public final class Adam {
  private final AdamConfig config;
  private final List<EmbeddingTable> parameters;
  private final float[][] m;
  private final float[][] v;
  private long step;

  public Adam(AdamConfig config, List<EmbeddingTable> parameters) {
    this.config = config;
    this.parameters = parameters;
    this.m = new float[parameters.size()][];
    this.v = new float[parameters.size()][];
    for (int t = 0; t < parameters.size(); t++) {
      m[t] = new float[parameters.get(t).data().length];
      v[t] = new float[parameters.get(t).data().length];
    }
  }

  public AdamConfig config() {
    return config;
  }

  /** Steps taken so far. */
  public long steps() {
    return step;
  }

  /** First and second moments of parameter table t (for checkpoints). */
  public float[] firstMoment(int t) {
    return m[t];
  }

  public float[] secondMoment(int t) {
    return v[t];
  }

  /** Restores the step count (moments are restored through {@link #firstMoment}/{@link #secondMoment}). */
  public void setSteps(long steps) {
    this.step = steps;
  }

  /** One dense step: every row of every table. Clears the gradients. */
  public void step(List<float[]> gradients, Parallel parallel) {
    step(gradients, null, null, parallel);
  }

  /**
   * One lazy step: only the listed rows of each table (rows[t][0 .. counts[t])). Clears those gradient
   * rows; the caller guarantees no other row has a non-zero gradient.
   */
  public void stepRows(List<float[]> gradients, int[][] rows, int[] counts, Parallel parallel) {
    step(gradients, rows, counts, parallel);
  }

  private void step(List<float[]> gradients, int[][] rows, int[] counts, Parallel parallel) {
    step++;
    for (int t = 0; t < parameters.size(); t++) {
      float[] p = parameters.get(t).data();
      float[] g = gradients.get(t);
      float[] mt = m[t];
      float[] vt = v[t];
      int dim = parameters.get(t).dim();
      if (rows == null) {
        parallel.forRange(parameters.get(t).rows(), (chunk, from, to) -> update(p, g, mt, vt, from * dim, to * dim));
      } else {
        int[] list = rows[t];
        parallel.forRange(counts[t], (chunk, from, to) -> {
          for (int r = from; r < to; r++) {
            int base = list[r] * dim;
            update(p, g, mt, vt, base, base + dim);
          }
        });
      }
    }
  }

  private void update(float[] p, float[] g, float[] mt, float[] vt, int from, int to) {
    double bc1 = 1 - Math.pow(config.beta1(), step);
    double bc2 = 1 - Math.pow(config.beta2(), step);
    Kernels.path().adam(p, g, mt, vt, from, to, (float) config.weightDecay(), (float) config.beta1(),
        (float) config.beta2(), (float) (config.lr() / bc1), (float) (1 / Math.sqrt(bc2)), (float) config.eps());
  }
}
