package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Adam over a model's parameter tables. Dense mode updates every row at every step (as PyTorch's Adam on a
 * dense embedding gradient does); lazy mode updates only the rows listed for the step. The gradient
 * arrays are cleared by the update, ready for the next step.
 */
public final class Adam {
  /** Rows per update call in dense steps: pending rows are added to a block while it is in cache. */
  private static final int ROW_BLOCK = 64;

  private final AdamConfig config;
  private final List<EmbeddingTable> parameters;
  private final float[][] m;
  private final float[][] v;
  private long step;
  private double lr;

  public Adam(AdamConfig config, List<EmbeddingTable> parameters) {
    this.config = config;
    this.parameters = parameters;
    this.lr = config.lr();
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

  /** Sets the learning rate of the epoch about to start from the config's schedule. */
  public void startEpoch(int epoch) {
    lr = config.lrAt(epoch);
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
    step(gradients, null, null, null, parallel);
  }

  /**
   * Gradient rows not yet added into a table's gradient: row r of the table also gets
   * {@code rows[slotOfRow[r] * dim ..]} when {@code slotOfRow[r] >= 0} (a batch's gathered rows).
   */
  public record PendingRows(int[] slotOfRow, float[] rows) {}

  /**
   * One dense step where each table's gradient is its array plus its pending rows. The rows are added block
   * by block just before the block's update, while it is in cache, instead of in a separate scatter pass over
   * random rows; the sums are the same. Clears the gradients.
   */
  public void step(List<float[]> gradients, List<PendingRows> pending, Parallel parallel) {
    step(gradients, pending, null, null, parallel);
  }

  /**
   * One lazy step: only the listed rows of each table (rows[t][0 .. counts[t])). Clears those gradient
   * rows; the caller guarantees no other row has a non-zero gradient.
   */
  public void stepRows(List<float[]> gradients, int[][] rows, int[] counts, Parallel parallel) {
    step(gradients, null, rows, counts, parallel);
  }

  private void step(List<float[]> gradients, List<PendingRows> pending, int[][] rows, int[] counts,
      Parallel parallel) {
    step++;
    Constants constants = new Constants(config, lr, step);
    for (int t = 0; t < parameters.size(); t++) {
      float[] p = parameters.get(t).data();
      float[] g = gradients.get(t);
      float[] mt = m[t];
      float[] vt = v[t];
      int dim = parameters.get(t).dim();
      if (rows == null) {
        PendingRows extra = pending == null ? null : pending.get(t);
        parallel.forRange(parameters.get(t).rows(), (chunk, from, to) -> {
          KernelPath kernels = Kernels.path();
          for (int start = from; start < to; start += ROW_BLOCK) {
            int end = Math.min(to, start + ROW_BLOCK);
            if (extra != null) {
              for (int r = start; r < end; r++) {
                int slot = extra.slotOfRow()[r];
                if (slot >= 0) {
                  kernels.axpy(1f, extra.rows(), slot * dim, g, r * dim, dim);
                }
              }
            }
            constants.update(kernels, p, g, mt, vt, start * dim, end * dim);
          }
        });
      } else {
        int[] list = rows[t];
        parallel.forRange(counts[t], (chunk, from, to) -> {
          KernelPath kernels = Kernels.path();
          for (int r = from; r < to; r++) {
            int base = list[r] * dim;
            constants.update(kernels, p, g, mt, vt, base, base + dim);
          }
        });
      }
    }
  }

  /** The step's scalars, bias corrections included. */
  private record Constants(float weightDecay, float beta1, float beta2, float stepSize, float invSqrtBc2, float eps) {
    Constants(AdamConfig config, double lr, long step) {
      this((float) config.weightDecay(), (float) config.beta1(), (float) config.beta2(),
          (float) (lr / (1 - Math.pow(config.beta1(), step))),
          (float) (1 / Math.sqrt(1 - Math.pow(config.beta2(), step))), (float) config.eps());
    }

    void update(KernelPath kernels, float[] p, float[] g, float[] m, float[] v, int from, int to) {
      kernels.adam(p, g, m, v, from, to, weightDecay, beta1, beta2, stepSize, invSqrtBc2, eps);
    }
  }
}
