package org.rankcf.framework.objective;

import java.util.function.Supplier;
import org.rankcf.framework.util.Parallel;

/**
 * (f(U) + f(I)) / 2 of one {@link RowTerm} over a block of user rows and a block of item rows, the form the
 * uniformity and stable-rank terms share. One term instance per side, so each keeps its own buffers
 * between steps; not thread-safe.
 */
public final class UserItemMean {
  private final RowTerm users;
  private final RowTerm items;

  public UserItemMean(Supplier<RowTerm> term) {
    this.users = term.get();
    this.items = term.get();
  }

  /**
   * Returns the term's mean over the first {@code numUsers} rows of {@code userRows} and the first
   * {@code numItems} rows of {@code itemRows}, and adds {@code weight} times its gradient into
   * {@code userGrad} / {@code itemGrad} (same layout as the rows).
   */
  public double valueAndGradient(float[] userRows, int numUsers, float[] userGrad,
      float[] itemRows, int numItems, float[] itemGrad, int dim, double weight, Parallel parallel) {
    double user = users.valueAndGradient(userRows, numUsers, dim, userGrad, 0.5 * weight, parallel);
    double item = items.valueAndGradient(itemRows, numItems, dim, itemGrad, 0.5 * weight, parallel);
    return 0.5 * (user + item);
  }
}
