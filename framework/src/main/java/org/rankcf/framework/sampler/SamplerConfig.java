package org.rankcf.framework.sampler;

import org.rankcf.framework.util.Check;

/**
 * Settings shared by the negative samplers.
 *
 * @param negatives N, negatives per positive pair (ignored by losses that use none)
 * @param rejectPositives redraw a negative that is one of the user's train items (the paper does not)
 * @param exponent popularity exponent: P(j) proportional to degree(j)^exponent (popularity sampler only)
 * @param replacement draw a pair's N negatives independently (true), or as N distinct items (false, uniform
 *     sampler only; with rejectPositives the user's train items are never drawn)
 */
public record SamplerConfig(int negatives, boolean rejectPositives, double exponent, boolean replacement) {
  public static final SamplerConfig DEFAULTS = new SamplerConfig(1, false, 1.0, true);

  /** Redraws before a colliding negative is kept anyway (a user may own nearly every item). */
  static final int MAX_REDRAWS = 32;

  public SamplerConfig {
    Check.atLeast("negatives", negatives, 0);
    Check.nonNegative("exponent", exponent);
  }

  /** Independent draws (with replacement). */
  public SamplerConfig(int negatives, boolean rejectPositives, double exponent) {
    this(negatives, rejectPositives, exponent, true);
  }
}
