package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * Stochastic gradient descent with optional heavy-ball or Nesterov momentum and coupled L2 weight decay, as
 * PyTorch's SGD without dampening: g' = g + wd p; b = mu b + g'; p -= lr (nesterov ? g' + mu b : b) (plain
 * p -= lr g' when mu = 0).
 *
 * @param lr learning rate
 * @param momentum mu in [0, 1)
 * @param nesterov use the Nesterov form; needs momentum > 0
 * @param weightDecay coupled L2 coefficient
 * @param lazy update only the rows a step touched. Allowed only with no momentum and no weight decay, where a
 *     row without gradient does not move, so the lazy step equals the dense one exactly (and is faster)
 * @param milestones epochs from which the learning rate is multiplied by another gamma
 * @param gamma factor applied at each milestone
 */
public record SgdConfig(double lr, double momentum, boolean nesterov, double weightDecay, boolean lazy,
    List<Integer> milestones, double gamma) implements OptimizerConfig {
  public static final SgdConfig DEFAULTS = new SgdConfig(0.01, 0.0, false, 0.0, false, List.of(), 0.1);

  public SgdConfig {
    milestones = StepDecay.checked(lr, milestones, gamma);
    Check.inRange("momentum", momentum, 0, 0.999999);
    Check.nonNegative("weight-decay", weightDecay);
    if (nesterov && momentum == 0) {
      throw new ConfigException("nesterov", "needs momentum > 0 (got momentum 0)");
    }
    if (lazy && (momentum > 0 || weightDecay > 0)) {
      throw new ConfigException("lazy", "lazy SGD is only exact without momentum and weight decay: rows the "
          + "batch did not touch would still move through them (set momentum and weight-decay to 0, or lazy false)");
    }
  }
}
