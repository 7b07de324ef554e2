package org.rankcf.framework.spi;

/**
 * A ranking metric at a cut-off K, registered under a short name and reported as "name@K" (e.g.
 * "ndcg@20"). A metric is either {@link PerUser}, a value per evaluated user that the evaluator averages
 * (keeping the per-user values for paired tests), or {@link OverUsers}, a value that only exists over all
 * users' lists together (catalogue coverage, pooled recall).
 */
public interface Metric {
  /** One line for {@code rankcf plugins}. */
  String description();

  /** A value per user with at least one target, reported as the mean over those users. */
  interface PerUser extends Metric {
    /** The value of one user's ranked list cut at {@code k} (k at most the ranked length). */
    double value(RankedUser user, int k);
  }

  /** A value over all evaluated users' lists, accumulated user by user. */
  interface OverUsers extends Metric {
    /** A fresh tally at cut-off {@code k} over a catalogue of {@code numItems} items. */
    Tally tally(int k, int numItems);
  }

  /** Accumulates users in increasing user id order, one thread, then gives the metric's value. */
  interface Tally {
    void add(RankedUser user);

    /** The value over the users added; NaN when there were none. */
    double result();
  }
}
