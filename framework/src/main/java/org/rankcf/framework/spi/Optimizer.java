package org.rankcf.framework.spi;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.optim.PendingRows;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;

/**
 * Updates a model's parameter tables from their gradients, one step per mini-batch. Every step clears the
 * gradient entries it consumed, ready for the next batch.
 *
 * <p>A dense step updates every row of every table. A lazy step ({@link #stepRows}) updates only the rows a
 * batch touched; each optimiser states in its config's javadoc whether that equals its dense step or is an
 * approximation, and refuses lazy settings under which it would be neither.
 */
public interface Optimizer {
  /** An optimiser with its config bound, waiting for the tables it is to update (the plug-in type). */
  @FunctionalInterface
  interface Builder {
    Optimizer build(List<EmbeddingTable> parameters);
  }

  /** Whether the trainer should take lazy steps ({@link #stepRows}) where the model allows it. */
  boolean lazy();

  /** Sets the learning rate of the epoch about to start from the config's schedule. */
  void startEpoch(int epoch);

  /** One dense step: every row of every table. */
  void step(List<float[]> gradients, Parallel parallel);

  /**
   * One dense step where each table's gradient is its array plus its pending rows, added block by block just
   * before the block's update while it is in cache.
   */
  void step(List<float[]> gradients, List<PendingRows> pending, Parallel parallel);

  /**
   * One lazy step: only rows[t][0 .. counts[t]) of table t. The caller guarantees no other row has a
   * non-zero gradient.
   */
  void stepRows(List<float[]> gradients, int[][] rows, int[] counts, Parallel parallel);

  /** Steps taken so far. */
  long steps();

  /** Restores the step count (checkpoints). */
  void setSteps(long steps);

  /**
   * The optimiser's state arrays by name, in a fixed order, each the length of its table (checkpoints write
   * them and read back into them). Empty for a stateless optimiser.
   */
  Map<String, float[]> state();

  /**
   * A new optimiser of this kind and settings over other tables (a loss's {@link ParameterGroup}), whose
   * learning rate in each epoch is {@code learningRate} applied to this config's rate of the epoch. Its
   * steps are dense. Optimisers that cannot do this refuse losses with parameters of their own.
   */
  default Optimizer forGroup(List<EmbeddingTable> tables, DoubleUnaryOperator learningRate) {
    throw new ConfigException("train.optimizer", getClass().getSimpleName()
        + " cannot step a loss's own parameters; use one of the built-in optimisers");
  }
}
