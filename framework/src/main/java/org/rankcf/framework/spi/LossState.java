package org.rankcf.framework.spi;

import java.util.Map;
import org.rankcf.framework.batch.Batch;

/**
 * State a loss keeps across steps, such as a per-user array (SL@K's quantile estimate beta_u, SogCLR's moving
 * average g_u). The trainer tells it which epoch is starting, hands it each step's batch again after the
 * optimiser step, and checkpoints its arrays, so a resumed run continues with the same state bits.
 */
public interface LossState {
  /** The state of a loss that keeps none. */
  LossState NONE = new LossState() {
    @Override
    public void startEpoch(int epoch) {}

    @Override
    public void afterStep(Batch batch, Model model) {}

    @Override
    public Map<String, float[]> arrays() {
      return Map.of();
    }
  };

  /** Called before the steps of epoch {@code epoch} (0-based). */
  void startEpoch(int epoch);

  /**
   * Called after each step's optimiser update and forward pass with the step's batch (its ids; its gathered
   * rows are the ones before the step) and the model, whose {@link Model#users()} / {@link Model#items()}
   * now hold the updated embeddings.
   */
  void afterStep(Batch batch, Model model);

  /** The state arrays by name, in a fixed order; checkpoints write them and read back into them. */
  Map<String, float[]> arrays();
}
