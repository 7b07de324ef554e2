package org.rankcf.framework.spi;

/**
 * One user's ranked list as a metric sees it: the items by 1-based rank, their graded relevance (the
 * target's grade, 1 for every target when the data has no grades, 0 for a non-target), the user's targets
 * and the items' popularity (train degree). Views are reused across users: read, never keep.
 */
public interface RankedUser {
  /** The user's id. */
  int user();

  /** The item at a 1-based rank, or -1 where fewer items were rankable. */
  int item(int rank);

  /** The grade of the item at a 1-based rank; 0 when it is not a target. */
  double relevance(int rank);

  /** Number of targets in the first k ranks. */
  int hits(int k);

  /** Number of target items of the user, |T_u|. */
  int targets();

  /** The position discount 1 / log2(rank + 1). */
  double discount(int rank);

  /** The DCG of the best possible list cut at k: the targets' grades, largest first, at ranks 1..k. */
  double idealDcg(int k);

  /** The item's number of train interactions. */
  int popularity(int item);
}
