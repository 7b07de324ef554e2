package org.rankcf.datasets;

import java.util.Arrays;

/**
 * The pairs of one data file in read order, with an optional rating (or weight) column and an optional
 * timestamp column, all in growable primitive arrays. Duplicated pairs are kept here; they collapse when
 * the pairs become {@link org.rankcf.framework.data.Interactions}.
 *
 * <p>Besides the pairs it records the largest user and item id it saw (a LightGCN line may name a user
 * with no items) and the smallest id of either kind, which decides the id base.
 */
public final class PairTable {
  private int size;
  private int[] users;
  private int[] items;
  private double[] ratings;
  private double[] timestamps;
  private int maxUser = -1;
  private int maxItem = -1;
  private int minId = Integer.MAX_VALUE;

  /** An empty table; the flags say which extra columns every pair carries. */
  public PairTable(boolean withRatings, boolean withTimestamps, int capacity) {
    int cap = Math.max(16, capacity);
    users = new int[cap];
    items = new int[cap];
    ratings = withRatings ? new double[cap] : null;
    timestamps = withTimestamps ? new double[cap] : null;
  }

  /** Adds a pair; the extra columns are ignored when the table does not carry them. */
  public void add(int user, int item, double rating, double timestamp) {
    if (size == users.length) {
      grow();
    }
    users[size] = user;
    items[size] = item;
    if (ratings != null) {
      ratings[size] = rating;
    }
    if (timestamps != null) {
      timestamps[size] = timestamp;
    }
    size++;
    noteUser(user);
    noteItem(item);
  }

  public void add(int user, int item) {
    add(user, item, 0, 0);
  }

  /** Counts a user id towards the id range without a pair. */
  public void noteUser(int user) {
    maxUser = Math.max(maxUser, user);
    minId = Math.min(minId, user);
  }

  private void noteItem(int item) {
    maxItem = Math.max(maxItem, item);
    minId = Math.min(minId, item);
  }

  private void grow() {
    int cap = Math.max(16, users.length * 2);
    users = Arrays.copyOf(users, cap);
    items = Arrays.copyOf(items, cap);
    if (ratings != null) {
      ratings = Arrays.copyOf(ratings, cap);
    }
    if (timestamps != null) {
      timestamps = Arrays.copyOf(timestamps, cap);
    }
  }

  public int size() {
    return size;
  }

  public int user(int pair) {
    return users[pair];
  }

  public int item(int pair) {
    return items[pair];
  }

  public boolean hasRatings() {
    return ratings != null;
  }

  public boolean hasTimestamps() {
    return timestamps != null;
  }

  public double rating(int pair) {
    return ratings[pair];
  }

  public double timestamp(int pair) {
    return timestamps[pair];
  }

  /** The largest user id seen, -1 if none. */
  public int maxUser() {
    return maxUser;
  }

  /** The largest item id seen, -1 if none. */
  public int maxItem() {
    return maxItem;
  }

  /** The smallest user or item id seen, {@link Integer#MAX_VALUE} if none. */
  public int minId() {
    return minId;
  }

  /** User ids, the first {@link #size()} entries valid. Shared. */
  int[] userIds() {
    return users;
  }

  /** Item ids, the first {@link #size()} entries valid. Shared. */
  int[] itemIds() {
    return items;
  }

  /** Subtracts the id base from every user and item id, in place. */
  public void shiftIds(int base) {
    for (int p = 0; p < size; p++) {
      users[p] -= base;
      items[p] -= base;
    }
    maxUser -= maxUser < 0 ? 0 : base;
    maxItem -= maxItem < 0 ? 0 : base;
    minId -= minId == Integer.MAX_VALUE ? 0 : base;
  }

  /**
   * Replaces every user and item id through the maps (old id to new id), in place. Ids seen without a pair
   * are forgotten: the range afterwards is that of the pairs.
   */
  public void remapIds(int[] userMap, int[] itemMap) {
    maxUser = -1;
    maxItem = -1;
    minId = Integer.MAX_VALUE;
    for (int p = 0; p < size; p++) {
      users[p] = userMap[users[p]];
      items[p] = itemMap[items[p]];
      noteUser(users[p]);
      noteItem(items[p]);
    }
  }

  /** An independent copy. */
  public PairTable copy() {
    PairTable out = new PairTable(hasRatings(), hasTimestamps(), 0);
    out.size = size;
    out.users = Arrays.copyOf(users, size);
    out.items = Arrays.copyOf(items, size);
    out.ratings = ratings == null ? null : Arrays.copyOf(ratings, size);
    out.timestamps = timestamps == null ? null : Arrays.copyOf(timestamps, size);
    out.maxUser = maxUser;
    out.maxItem = maxItem;
    out.minId = minId;
    return out;
  }

  /** A new table with the pairs whose flag is set, in the same order and with the same columns. */
  public PairTable select(boolean[] keep) {
    PairTable out = new PairTable(hasRatings(), hasTimestamps(), size);
    for (int p = 0; p < size; p++) {
      if (keep[p]) {
        out.add(users[p], items[p], ratings == null ? 0 : ratings[p], timestamps == null ? 0 : timestamps[p]);
      }
    }
    return out;
  }
}
