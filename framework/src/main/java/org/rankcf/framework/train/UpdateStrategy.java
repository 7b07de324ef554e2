package org.rankcf.framework.train;

import java.util.Arrays;
import java.util.List;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.optim.PendingRows;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;
import org.rankcf.framework.util.Parallel;

/**
 * How a step's gradients reach the parameters, chosen once from the model's declared capabilities and the
 * optimiser's settings. The only place that calls the optimiser.
 */
abstract sealed class UpdateStrategy {
  final Model model;
  final Optimizer optimizer;
  final Parallel parallel;
  /** Gradients w.r.t. the final tables, full size; the batch scatters its rows into them. */
  final float[] userGrad;
  final float[] itemGrad;

  private UpdateStrategy(Model model, Optimizer optimizer, Parallel parallel, BatchAssembler batch) {
    this.model = model;
    this.optimizer = optimizer;
    this.parallel = parallel;
    this.userGrad = new float[model.users().data().length];
    this.itemGrad = new float[model.items().data().length];
    batch.setParallel(parallel);
  }

  /**
   * Dense updates for a model whose final tables are its parameters; lazy row updates when the optimiser
   * asks for them and that holds (a propagated model touches every row); back through the model otherwise.
   */
  static UpdateStrategy choose(Model model, Optimizer optimizer, Parallel parallel, BatchAssembler batch) {
    if (!model.capabilities().contains(ModelCapability.PARAMETERS_ARE_FINAL_TABLES)) {
      return new Propagated(model, optimizer, parallel, batch);
    }
    return optimizer.lazy() ? new LazyRows(model, optimizer, parallel, batch) : new DenseRows(model, optimizer, parallel, batch);
  }

  /** Whether only the batch's rows are stepped (terms on whole tables are then refused). */
  boolean lazy() {
    return false;
  }

  void startEpoch(int epoch) {
    optimizer.startEpoch(epoch);
  }

  /** Copies the batch's rows out of the final tables and points its full-table gradients at ours. */
  void gather(BatchAssembler batch) {
    batch.gather(model.users(), model.items(), userGrad, itemGrad);
  }

  /** Applies the gradients the step's objective left in the batch. */
  abstract void update(BatchAssembler batch);

  /** Drops the full-table gradients of a pass that does not step the model (the batch rows' are cleared apart). */
  void discard() {
    Arrays.fill(userGrad, 0f);
    Arrays.fill(itemGrad, 0f);
  }

  /** MF, dense: the optimiser adds the batch's rows into the table gradients itself, block by block. */
  static final class DenseRows extends UpdateStrategy {
    DenseRows(Model model, Optimizer optimizer, Parallel parallel, BatchAssembler batch) {
      super(model, optimizer, parallel, batch);
    }

    @Override
    void update(BatchAssembler batch) {
      Batch rows = batch.batch();
      optimizer.step(List.of(userGrad, itemGrad), List.of(new PendingRows(batch.userSlots(), rows.userGrad()),
          new PendingRows(batch.itemSlots(), rows.itemGrad())), parallel);
    }
  }

  /** MF, lazy: only the batch's unique rows are stepped; the optimiser clears what it consumed. */
  static final class LazyRows extends UpdateStrategy {
    LazyRows(Model model, Optimizer optimizer, Parallel parallel, BatchAssembler batch) {
      super(model, optimizer, parallel, batch);
    }

    @Override
    boolean lazy() {
      return true;
    }

    @Override
    void update(BatchAssembler batch) {
      batch.scatter();
      Batch rows = batch.batch();
      int[][] ids = {rows.uniqueUserIds(), rows.uniqueItemIds()};
      int[] counts = {rows.numUniqueUsers(), rows.numUniqueItems()};
      optimizer.stepRows(model.backward(userGrad, itemGrad), ids, counts, parallel);
    }
  }

  /**
   * A propagating model: the final-table gradients go back through the model; gradients of terms on the
   * parameters themselves (an L2 on layer 0, an auxiliary objective) bypass the propagation and are added
   * to what comes back.
   */
  static final class Propagated extends UpdateStrategy {
    private final float[] userParameterGrad;
    private final float[] itemParameterGrad;
    private final int userIndex;
    private final int itemIndex;

    Propagated(Model model, Optimizer optimizer, Parallel parallel, BatchAssembler batch) {
      super(model, optimizer, parallel, batch);
      this.userParameterGrad = new float[model.userParameters().data().length];
      this.itemParameterGrad = new float[model.itemParameters().data().length];
      this.userIndex = indexOf(model, model.userParameters().data());
      this.itemIndex = indexOf(model, model.itemParameters().data());
      batch.setParameters(model.userParameters(), model.itemParameters(), userParameterGrad, itemParameterGrad);
    }

    private static int indexOf(Model model, float[] table) {
      for (int t = 0; t < model.parameters().size(); t++) {
        if (model.parameters().get(t).data() == table) {
          return t;
        }
      }
      throw new IllegalStateException(model.name() + ": its user/item parameters are not among parameters()");
    }

    @Override
    void update(BatchAssembler batch) {
      batch.scatter();
      List<float[]> grads = model.backward(userGrad, itemGrad);
      addAndClear(userParameterGrad, grads.get(userIndex));
      addAndClear(itemParameterGrad, grads.get(itemIndex));
      optimizer.step(grads, parallel);
      // the optimiser clears the gradients it consumed; a propagating model returns its own buffers
      if (!grads.contains(userGrad)) {
        Arrays.fill(userGrad, 0f);
      }
      if (!grads.contains(itemGrad)) {
        Arrays.fill(itemGrad, 0f);
      }
    }

    @Override
    void discard() {
      super.discard();
      Arrays.fill(userParameterGrad, 0f);
      Arrays.fill(itemParameterGrad, 0f);
    }

    private void addAndClear(float[] from, float[] into) {
      parallel.forRange(from.length, (chunk, start, end) -> {
        for (int t = start; t < end; t++) {
          into[t] += from[t];
          from[t] = 0f;
        }
      });
    }
  }
}
