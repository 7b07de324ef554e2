package org.rankcf.experiments.example;

import java.util.List;
import org.rankcf.framework.optim.OptimizerConfig;
import org.rankcf.framework.optim.StepDecay;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * RMSprop: G = rho G + (1 - rho) g^2; p -= lr g / sqrt(G + eps).
 *
 * @param lr learning rate
 * @param rho decay of the mean square
 * @param eps term under the root
 * @param lazy refused: a dense step also decays the mean square of rows without gradient, so a lazy step
 *     would be neither exact nor the same algorithm
 * @param milestones epochs from which the learning rate is multiplied by another gamma
 * @param gamma factor applied at each milestone
 */
public record RmsPropConfig(double lr, double rho, double eps, boolean lazy, List<Integer> milestones, double gamma)
    implements OptimizerConfig {
  public static final RmsPropConfig DEFAULTS = new RmsPropConfig(0.001, 0.9, 1e-8, false, List.of(), 0.1);

  public RmsPropConfig {
    milestones = StepDecay.checked(lr, milestones, gamma); // lr, gamma and milestones, as every optimiser
    Check.inRange("rho", rho, 0, 0.999999);
    Check.positive("eps", eps);
    if (lazy) {
      throw new ConfigException("lazy", "RMSprop decays every row's mean square at every step; use lazy: false");
    }
  }
}
