package org.rankcf.framework.spi;

import java.util.List;
import org.rankcf.framework.model.EmbeddingTable;

/**
 * An embedding model: trainable parameter tables and the final user and item tables that score pairs by
 * dot product. MF's final tables are its parameters; LightGCN's are propagated from them.
 */
public interface Model {
  String name();

  int dim();

  /** The tables the optimiser updates, users first, then items. */
  List<EmbeddingTable> parameters();

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
