package org.rankcf.evaluation;

import java.util.Arrays;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.TopKLists;
import org.rankcf.framework.spi.RankedUser;

/**
 * The {@link RankedUser} view the evaluator hands to metrics: one user's ranked list with the relevance
 * of each rank looked up in the user's sorted target slice. Reused across users by one thread.
 */
public final class UserRanking implements RankedUser {
  private final double[] relevance;
  private final Discount discount;
  private final Interactions popularity;
  private TopKLists lists;
  private int position;
  private int targets;
  /** The targets' grades largest first, or null for binary relevance. */
  private double[] idealGrades;

  /**
   * @param maxRank the longest cut-off asked of this view
   * @param popularity the interactions whose item degrees are the items' popularity (train)
   */
  public UserRanking(int maxRank, Discount discount, Interactions popularity) {
    this.relevance = new double[maxRank + 1];
    this.discount = discount;
    this.popularity = popularity;
  }

  /**
   * Takes the ranked list at {@code position} of {@code lists} (k at least the max rank) against the
   * sorted target slice {@code targetItems[from..to)}; {@code grades}, aligned with {@code targetItems},
   * gives graded relevance, or null gives every target 1. Padding (-1) is never relevant.
   */
  public UserRanking assign(TopKLists lists, int position, int[] targetItems, int from, int to, float[] grades) {
    this.lists = lists;
    this.position = position;
    this.targets = to - from;
    for (int r = 1; r < relevance.length; r++) {
      int item = lists.item(position, r - 1);
      int at = item < 0 ? -1 : Arrays.binarySearch(targetItems, from, to, item);
      relevance[r] = at < 0 ? 0 : grades == null ? 1 : grades[at];
    }
    idealGrades = grades == null ? null : descending(grades, from, to);
    return this;
  }

  private static double[] descending(float[] grades, int from, int to) {
    double[] sorted = new double[to - from];
    for (int i = from; i < to; i++) {
      sorted[i - from] = -grades[i];
    }
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = -sorted[i];
    }
    return sorted;
  }

  @Override
  public int user() {
    return lists.user(position);
  }

  @Override
  public int item(int rank) {
    return lists.item(position, rank - 1);
  }

  @Override
  public double relevance(int rank) {
    return relevance[rank];
  }

  @Override
  public int hits(int k) {
    int hits = 0;
    for (int r = 1; r <= k; r++) {
      hits += relevance[r] > 0 ? 1 : 0;
    }
    return hits;
  }

  @Override
  public int targets() {
    return targets;
  }

  @Override
  public double discount(int rank) {
    return discount.at(rank);
  }

  @Override
  public double idealDcg(int k) {
    int n = Math.min(k, targets);
    if (idealGrades == null) {
      return discount.ideal(n);
    }
    double ideal = 0;
    for (int r = 1; r <= n; r++) {
      ideal += idealGrades[r - 1] * discount.at(r);
    }
    return ideal;
  }

  @Override
  public int popularity(int item) {
    return popularity.itemDegree(item);
  }
}
