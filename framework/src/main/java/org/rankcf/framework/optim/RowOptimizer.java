package org.rankcf.framework.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.util.Parallel;

/**
 * The traversal every element-wise optimiser shares: dense steps over all rows in parallel chunks (adding a
 * batch's pending rows block by block), lazy steps over the listed rows, the step count, the epoch's
 * learning rate and the named state arrays. A subclass supplies only the per-element update of one step.
 */
public abstract class RowOptimizer<C extends OptimizerConfig> implements Optimizer {
  /** Rows per update call in dense steps: pending rows are added to a block while it is in cache. */
  private static final int ROW_BLOCK = 64;

  private final C config;
  private final List<EmbeddingTable> parameters;
  private final Map<String, float[]> state = new LinkedHashMap<>();
  private long step;
  private double lr;
  /** Maps the config's rate of an epoch to this optimiser's: null for the model's optimiser. */
  private DoubleUnaryOperator groupRate;

  protected RowOptimizer(C config, List<EmbeddingTable> parameters) {
    this.config = config;
    this.parameters = parameters;
    this.lr = config.lr();
  }

  /**
   * The update of one step over elements [from, to) of table {@code table}: moves p, updates the state and
   * clears g[from, to). Called concurrently for disjoint ranges.
   */
  @FunctionalInterface
  protected interface RangeUpdate {
    void apply(KernelPath kernels, int table, float[] p, float[] g, int from, int to);
  }

  /** The update of step {@code step} (1-based) at learning rate {@code lr}. */
  protected abstract RangeUpdate prepare(double lr, long step);

  /**
   * A new optimiser of this class with the given config over the given tables, for {@link #forGroup}; null
   * (the default) when the subclass cannot, and losses with parameters of their own are then refused.
   */
  protected RowOptimizer<C> create(C config, List<EmbeddingTable> tables) {
    return null;
  }

  @Override
  public final Optimizer forGroup(List<EmbeddingTable> tables, DoubleUnaryOperator learningRate) {
    RowOptimizer<C> group = create(config, tables);
    if (group == null) {
      return Optimizer.super.forGroup(tables, learningRate);
    }
    group.groupRate = learningRate;
    group.lr = learningRate.applyAsDouble(config.lr());
    return group;
  }

  /** Registers a state array per table, named {@code name/t}, filled with {@code initial}. */
  protected final float[][] newState(String name, float initial) {
    float[][] arrays = new float[parameters.size()][];
    for (int t = 0; t < parameters.size(); t++) {
      arrays[t] = new float[parameters.get(t).data().length];
      if (initial != 0f) {
        java.util.Arrays.fill(arrays[t], initial);
      }
      state.put(name + "/" + t, arrays[t]);
    }
    return arrays;
  }

  public C config() {
    return config;
  }

  @Override
  public boolean lazy() {
    return config.lazy();
  }

  @Override
  public void startEpoch(int epoch) {
    lr = groupRate == null ? config.lrAt(epoch) : groupRate.applyAsDouble(config.lrAt(epoch));
  }

  @Override
  public long steps() {
    return step;
  }

  @Override
  public void setSteps(long steps) {
    this.step = steps;
  }

  @Override
  public Map<String, float[]> state() {
    return Collections.unmodifiableMap(state);
  }

  @Override
  public void step(List<float[]> gradients, Parallel parallel) {
    step(gradients, null, null, null, parallel);
  }

  @Override
  public void step(List<float[]> gradients, List<PendingRows> pending, Parallel parallel) {
    step(gradients, pending, null, null, parallel);
  }

  @Override
  public void stepRows(List<float[]> gradients, int[][] rows, int[] counts, Parallel parallel) {
    step(gradients, null, rows, counts, parallel);
  }

  private void step(List<float[]> gradients, List<PendingRows> pending, int[][] rows, int[] counts,
      Parallel parallel) {
    step++;
    RangeUpdate update = prepare(lr, step);
    for (int t = 0; t < parameters.size(); t++) {
      int table = t;
      float[] p = parameters.get(t).data();
      float[] g = gradients.get(t);
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
            update.apply(kernels, table, p, g, start * dim, end * dim);
          }
        });
      } else {
        int[] list = rows[t];
        parallel.forRange(counts[t], (chunk, from, to) -> {
          KernelPath kernels = Kernels.path();
          for (int r = from; r < to; r++) {
            int base = list[r] * dim;
            update.apply(kernels, table, p, g, base, base + dim);
          }
        });
      }
    }
  }
}
