package org.rankcf.framework.optim;

import java.util.List;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * The step learning-rate schedule every optimiser config carries: lr times gamma for every milestone epoch at
 * or before the current one (anneal once the noisy high-lr phase has plateaued).
 */
public final class StepDecay {
  private StepDecay() {}

  /** Validates the schedule keys and returns an immutable copy of the milestones. */
  public static List<Integer> checked(double lr, List<Integer> milestones, double gamma) {
    Check.positive("lr", lr);
    Check.inRange("gamma", gamma, Double.MIN_VALUE, 1);
    List<Integer> copy = List.copyOf(milestones == null ? List.of() : milestones);
    for (int k = 0; k < copy.size(); k++) {
      if (copy.get(k) < 1 || k > 0 && copy.get(k) <= copy.get(k - 1)) {
        throw new ConfigException("milestones", "must be increasing epochs >= 1 (got " + copy + ")");
      }
    }
    return copy;
  }

  static double rateAt(double lr, List<Integer> milestones, double gamma, int epoch) {
    double rate = lr;
    for (int milestone : milestones) {
      if (epoch >= milestone) {
        rate *= gamma;
      }
    }
    return rate;
  }
}
