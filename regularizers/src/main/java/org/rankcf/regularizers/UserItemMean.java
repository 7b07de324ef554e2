package org.rankcf.regularizers;

import org.rankcf.framework.util.Parallel;

/**
 * (f(U^) + f(I^)) / 2 of one row-normalised term over a block of user rows and a block of item rows, the
 * form the uniformity and stable-rank terms share. Keeps its buffers between steps; not thread-safe.
 */
public final class UserItemMean {
  private final UnitRowTerm term;
  private final UnitRows users = new UnitRows();
  private final UnitRows items = new UnitRows();

  public UserItemMean(UnitRowTerm term) {
    this.term = term;
  }

  /**
   * Returns the term's mean over the first {@code numUsers} rows of {@code userRows} and the first
   * {@code numItems} rows of {@code itemRows}, and adds {@code weight} times its gradient into
   * {@code userGrad} / {@code itemGrad} (same layout as the rows).
   */
  public double valueAndGradient(float[] userRows, int numUsers, float[] userGrad,
      float[] itemRows, int numItems, float[] itemGrad, int dim, double weight, Parallel parallel) {
    users.normalize(userRows, numUsers, dim);
    items.normalize(itemRows, numItems, dim);
    double value = 0.5 * (term.valueAndGradient(users, parallel) + term.valueAndGradient(items, parallel));
    users.backward(0.5 * weight, userGrad);
    items.backward(0.5 * weight, itemGrad);
    return value;
  }
}
