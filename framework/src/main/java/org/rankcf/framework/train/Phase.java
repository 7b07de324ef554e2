package org.rankcf.framework.train;

import java.util.List;
import org.rankcf.framework.spi.Loss;

/**
 * What one training phase minimises: a loss plus weighted regularizers. The warm-start schedule swaps the
 * whole phase (the warm list replaces the tune list, it is not added to it).
 */
public record Phase(PhaseKind kind, String lossName, Loss loss, List<WeightedRegularizer> regularizers) {
  public Phase {
    regularizers = List.copyOf(regularizers);
  }

  /** "warm" or "tune", for messages and records. */
  public String name() {
    return kind.key();
  }

  /** Whether a term of this phase reads or writes rows outside the batch. */
  public boolean readsWholeTables() {
    return loss.readsWholeTables() || regularizers.stream().anyMatch(r -> r.regularizer().readsWholeTables());
  }
}
