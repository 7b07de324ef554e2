package org.rankcf.losses;

import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.ConfigException;

/** The config-time check that a loss which reads sampled negatives is given at least one per pair. */
public final class NegativesCheck {
  private NegativesCheck() {}

  /**
   * Returns {@code negatives}, or throws a {@link ConfigException} on {@code key} (the config key holding
   * the negatives per pair) when {@code loss} uses negatives and {@code negatives < 1}.
   */
  public static int require(Loss loss, String lossName, String key, int negatives) {
    if (loss.usesNegatives() && negatives < 1) {
      throw new ConfigException(key, "loss '" + lossName + "' needs at least 1 negative per pair (got " + negatives + ")");
    }
    return negatives;
  }
}
