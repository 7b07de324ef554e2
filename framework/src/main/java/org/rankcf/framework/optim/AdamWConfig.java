package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.util.Check;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov and Hutter): every step first shrinks the parameters by
 * (1 - lr * wd), then takes the Adam step on the plain gradient, so the decay does not pass through the
 * adaptive denominator.
 *
 * @param lr learning rate
 * @param weightDecay decoupled decay coefficient (multiplied by the epoch's lr)
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param eps denominator term
 * @param lazy update only the rows a step touched, an approximation as for Adam: untouched rows keep their
 *     values, so they are neither decayed nor moved by their momentum until a batch touches them again
 * @param milestones epochs from which the learning rate is multiplied by another gamma
 * @param gamma factor applied at each milestone
 */
public record AdamWConfig(double lr, double weightDecay, double beta1, double beta2, double eps, boolean lazy,
    List<Integer> milestones, double gamma) implements OptimizerConfig {
  public static final AdamWConfig DEFAULTS = new AdamWConfig(0.001, 0.01, 0.9, 0.999, 1e-8, false, List.of(), 0.1);

  public AdamWConfig {
    milestones = StepDecay.checked(lr, milestones, gamma);
    Check.nonNegative("weight-decay", weightDecay);
    AdamConfig.checkMoments(beta1, beta2, eps);
  }
}
