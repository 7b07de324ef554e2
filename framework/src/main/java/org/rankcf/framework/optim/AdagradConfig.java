package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * Adagrad with coupled L2 weight decay, as PyTorch's: g' = g + wd p; G += g'^2; p -= lr g' / (sqrt(G) + eps).
 *
 * @param lr learning rate
 * @param weightDecay coupled L2 coefficient
 * @param eps denominator term
 * @param initialAccumulator starting value of G
 * @param lazy update only the rows a step touched. Allowed only without weight decay, where a row without
 *     gradient neither moves nor adds to G, so the lazy step equals the dense one exactly (and is faster)
 * @param milestones epochs from which the learning rate is multiplied by another gamma
 * @param gamma factor applied at each milestone
 */
public record AdagradConfig(double lr, double weightDecay, double eps, double initialAccumulator, boolean lazy,
    List<Integer> milestones, double gamma) implements OptimizerConfig {
  public static final AdagradConfig DEFAULTS = new AdagradConfig(0.01, 0.0, 1e-10, 0.0, false, List.of(), 0.1);

  public AdagradConfig {
    milestones = StepDecay.checked(lr, milestones, gamma);
    Check.nonNegative("weight-decay", weightDecay);
    Check.positive("eps", eps);
    Check.nonNegative("initial-accumulator", initialAccumulator);
    if (lazy && weightDecay > 0) {
      throw new ConfigException("lazy", "lazy Adagrad is only exact without weight decay: rows the batch did "
          + "not touch would still decay (set weight-decay to 0, or lazy false)");
    }
  }
}
