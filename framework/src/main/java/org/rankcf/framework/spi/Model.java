package org.rankcf.framework.spi;

import java.util.List;
import java.util.Set;
import org.rankcf.framework.model.EmbeddingTable;

/**
 * An embedding model: trainable parameter tables and the final user and item tables that score pairs by
 * dot product. MF's final tables are its parameters; LightGCN's are propagated from them.
 */
public interface Model {
  String name();

  int dim();

  /** The tables the optimiser updates; {@link #backward} returns their gradients in this order. */
  List<EmbeddingTable> parameters();

  /** What the trainer may rely on; see {@link ModelCapability}. */
  Set<ModelCapability> capabilities();

  /**
   * The parameter table with one row per user (LightGCN's layer 0), one of {@link #parameters()}: terms on
   * the parameters themselves, such as an L2 on the batch's rows, act on it.
   */
  EmbeddingTable userParameters();

  /** The parameter table with one row per item, one of {@link #parameters()}. */
  EmbeddingTable itemParameters();

  /** Terms the model adds to every training step (none by default). */
  default List<AuxiliaryObjective> auxiliaryObjectives() {
    return List.of();
  }

  /** Recomputes the final tables from the parameters; call after every parameter update. */
  void forward();

  /** Final user embeddings (valid after {@link #forward()}). */
  EmbeddingTable users();

  /** Final item embeddings (valid after {@link #forward()}). */
  EmbeddingTable items();

  /**
   * Maps gradients w.r.t. the final tables to gradients w.r.t. {@link #parameters()}, in the same order.
   * May return the input arrays themselves (MF) and may overwrite them.
   */
  List<float[]> backward(float[] userGrad, float[] itemGrad);
}
