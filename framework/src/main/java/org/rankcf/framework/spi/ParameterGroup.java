package org.rankcf.framework.spi;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.rankcf.framework.model.EmbeddingTable;

/**
 * Parameters a loss owns besides the model's (LLPAUC's scalars, AdvInfoNCE's adversary tables, GuidedRec's
 * surrogate network), stepped by an optimiser of their own: the run's optimiser plug-in with its settings
 * (weight decay, moments), at a learning rate derived from the run's.
 *
 * @param name the group's name in checkpoints, unique within the loss
 * @param tables the parameter values
 * @param gradients one per table, the same length; the loss adds into them, the trainer consumes and clears them
 * @param learningRate the group's learning rate from the run's learning rate of the epoch (2·lr, or a fixed 5e-5)
 * @param ascent maximise the loss (the gradient is negated; coupled weight decay still pulls toward 0, as
 *     PyTorch's {@code maximize})
 */
public record ParameterGroup(String name, List<EmbeddingTable> tables, List<float[]> gradients,
    DoubleUnaryOperator learningRate, boolean ascent) {
  public ParameterGroup {
    tables = List.copyOf(tables);
    gradients = List.copyOf(gradients);
    if (tables.size() != gradients.size()) {
      throw new IllegalArgumentException(name + ": " + tables.size() + " tables but " + gradients.size() + " gradients");
    }
    for (int t = 0; t < tables.size(); t++) {
      if (tables.get(t).data().length != gradients.get(t).length) {
        throw new IllegalArgumentException(name + ": gradient " + t + " is not the size of its table");
      }
    }
  }

  /** A group whose gradients are fresh zero arrays the size of its tables. */
  public static ParameterGroup of(String name, List<EmbeddingTable> tables, DoubleUnaryOperator learningRate,
      boolean ascent) {
    return new ParameterGroup(name, tables, tables.stream().map(t -> new float[t.data().length]).toList(),
        learningRate, ascent);
  }
}
