package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.util.Check;

/**
 * Adam with coupled L2 weight decay (g += wd * theta), the paper's optimiser and the default.
 *
 * @param lr learning rate
 * @param weightDecay coupled L2 coefficient
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param eps denominator term
 * @param lazy update only the rows a step touched, an approximation (the paper's dense Adam also moves
 *     untouched rows through their momentum and the weight decay); faster on large catalogues
 * @param milestones epochs (0-based, increasing) from which the learning rate is multiplied by another gamma
 *     (a step schedule); empty for a constant lr
 * @param gamma factor applied at each milestone
 */
public record AdamConfig(double lr, double weightDecay, double beta1, double beta2, double eps, boolean lazy,
    List<Integer> milestones, double gamma) implements OptimizerConfig {
  public static final AdamConfig DEFAULTS = new AdamConfig(0.001, 0.0, 0.9, 0.999, 1e-8, false, List.of(), 0.1);

  /** A constant learning rate. */
  public AdamConfig(double lr, double weightDecay, double beta1, double beta2, double eps, boolean lazy) {
    this(lr, weightDecay, beta1, beta2, eps, lazy, List.of(), 0.1);
  }

  public AdamConfig {
    milestones = StepDecay.checked(lr, milestones, gamma);
    Check.nonNegative("weight-decay", weightDecay);
    AdamConfig.checkMoments(beta1, beta2, eps);
  }

  /** The moment keys Adam and AdamW share. */
  static void checkMoments(double beta1, double beta2, double eps) {
    Check.inRange("beta1", beta1, 0, 0.999999);
    Check.inRange("beta2", beta2, 0, 0.999999999);
    Check.positive("eps", eps);
  }
}
