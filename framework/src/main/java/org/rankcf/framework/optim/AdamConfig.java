package org.rankcf.framework.optim;

import org.rankcf.framework.util.Check;

/**
 * Adam with coupled L2 weight decay (g += wd * theta), the paper's optimiser.
 *
 * @param lr learning rate
 * @param weightDecay coupled L2 coefficient
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param eps denominator term
 * @param lazy update only the rows a step touched (a deviation from the paper, whose dense Adam also moves
 *     untouched rows through their momentum and the weight decay); faster on large catalogues
 */
public record AdamConfig(double lr, double weightDecay, double beta1, double beta2, double eps, boolean lazy) {
  public static final AdamConfig DEFAULTS = new AdamConfig(0.001, 0.0, 0.9, 0.999, 1e-8, false);

  public AdamConfig {
    Check.positive("lr", lr);
    Check.nonNegative("weight-decay", weightDecay);
    Check.inRange("beta1", beta1, 0, 0.999999);
    Check.inRange("beta2", beta2, 0, 0.999999999);
    Check.positive("eps", eps);
  }
}
