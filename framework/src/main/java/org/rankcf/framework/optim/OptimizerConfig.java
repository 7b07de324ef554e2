package org.rankcf.framework.optim;

import java.util.List;

/** What every optimiser config record has: the learning rate, its step schedule and the lazy switch. */
public interface OptimizerConfig {
  double lr();

  /** Epochs (0-based, increasing) from which the learning rate is multiplied by another {@link #gamma()}. */
  List<Integer> milestones();

  double gamma();

  /** Step only the rows a batch touched where the model allows it. */
  boolean lazy();

  /** The learning rate of an epoch: lr times gamma for every milestone at or before it. */
  default double lrAt(int epoch) {
    return StepDecay.rateAt(lr(), milestones(), gamma(), epoch);
  }
}
