package org.rankcf.experiments.config;

import java.util.List;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.Regularizer;

/** A phase as configured: the loss and the weighted regularizers. */
public record PhaseSpec(BoundPlugin<Loss> loss, List<WeightedSpec> regularizers) {
  /** A regularizer with its weight. */
  public record WeightedSpec(BoundPlugin<Regularizer> regularizer, double weight) {}
}
