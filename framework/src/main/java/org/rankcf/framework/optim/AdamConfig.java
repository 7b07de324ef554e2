package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

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
 * @param milestones epochs (0-based, increasing) from which the learning rate is multiplied by another gamma
 *     (a step schedule: anneal once the noisy high-lr phase has plateaued); empty for a constant lr
 * @param gamma factor applied at each milestone
 */
public record AdamConfig(double lr, double weightDecay, double beta1, double beta2, double eps, boolean lazy,
    List<Integer> milestones, double gamma) {
  public static final AdamConfig DEFAULTS = new AdamConfig(0.001, 0.0, 0.9, 0.999, 1e-8, false, List.of(), 0.1);

  /** A constant learning rate. */
  public AdamConfig(double lr, double weightDecay, double beta1, double beta2, double eps, boolean lazy) {
    this(lr, weightDecay, beta1, beta2, eps, lazy, List.of(), 0.1);
  }

  public AdamConfig {
    Check.positive("lr", lr);
    Check.nonNegative("weight-decay", weightDecay);
    Check.inRange("beta1", beta1, 0, 0.999999);
    Check.inRange("beta2", beta2, 0, 0.999999999);
    Check.positive("eps", eps);
    Check.inRange("gamma", gamma, Double.MIN_VALUE, 1);
    milestones = List.copyOf(milestones == null ? List.of() : milestones);
    for (int k = 0; k < milestones.size(); k++) {
      if (milestones.get(k) < 1 || k > 0 && milestones.get(k) <= milestones.get(k - 1)) {
        throw new ConfigException("milestones", "must be increasing epochs >= 1 (got " + milestones + ")");
      }
    }
  }

  /** The learning rate of an epoch: lr times gamma for every milestone at or before it. */
  public double lrAt(int epoch) {
    double rate = lr;
    for (int milestone : milestones) {
      if (epoch >= milestone) {
        rate *= gamma;
      }
    }
    return rate;
  }
}
