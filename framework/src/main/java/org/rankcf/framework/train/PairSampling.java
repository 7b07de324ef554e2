package org.rankcf.framework.train;

import org.rankcf.framework.util.ConfigException;

/** How an epoch picks its positive pairs; every epoch draws as many as the train split holds. */
public enum PairSampling {
  /** Every train pair once, in a shuffled order (the paper code's epochs): active users weigh more. */
  ALL("all"),
  /**
   * Each draw a uniform random user with train items, then one of its items uniformly, with replacement (the
   * LightGCN code's sampler): every user gets the same share of the steps whatever its activity.
   */
  USER_UNIFORM("user-uniform");

  private final String key;

  PairSampling(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The sampling named by a config value. */
  public static PairSampling of(String configKey, String value) {
    for (PairSampling sampling : values()) {
      if (sampling.key.equals(value)) {
        return sampling;
      }
    }
    throw new ConfigException(configKey, "must be all or user-uniform (got '" + value + "')");
  }
}
