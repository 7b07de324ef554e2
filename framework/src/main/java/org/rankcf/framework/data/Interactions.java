package org.rankcf.framework.data;

import java.util.Arrays;

/**
 * A set of distinct (user, item) pairs over dense ids, stored as CSR in both directions: the items of a
 * user are {@code userItems[userPtr[u] .. userPtr[u+1])} in increasing order, and likewise the users of an
 * item. Immutable.
 */
public final class Interactions {
  private final int numUsers;
  private final int numItems;
  private final int[] userPtr;
  private final int[] userItems;
  private final int[] itemPtr;
  private final int[] itemUsers;

  private Interactions(int numUsers, int numItems, int[] userPtr, int[] userItems) {
    this.numUsers = numUsers;
    this.numItems = numItems;
    this.userPtr = userPtr;
    this.userItems = userItems;
    this.itemPtr = new int[numItems + 1];
    this.itemUsers = new int[userItems.length];
    for (int item : userItems) {
      itemPtr[item + 1]++;
    }
    for (int i = 0; i < numItems; i++) {
      itemPtr[i + 1] += itemPtr[i];
    }
    int[] cursor = Arrays.copyOf(itemPtr, numItems);
    for (int u = 0; u < numUsers; u++) {
      for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
        itemUsers[cursor[userItems[p]]++] = u; // users arrive in increasing order
      }
    }
  }

  /** Builds from parallel pair arrays (any order, duplicates dropped); ids must lie in range. */
  public static Interactions fromPairs(int numUsers, int numItems, int[] users, int[] items) {
    return fromPairs(numUsers, numItems, users, items, users.length);
  }

  /** As {@link #fromPairs(int, int, int[], int[])} over the first {@code count} pairs. */
  public static Interactions fromPairs(int numUsers, int numItems, int[] users, int[] items, int count) {
    if (numUsers < 0 || numItems < 0) {
      throw new IllegalArgumentException("negative dimensions");
    }
    int[] ptr = new int[numUsers + 1];
    for (int p = 0; p < count; p++) {
      int u = users[p];
      int i = items[p];
      if (u < 0 || u >= numUsers || i < 0 || i >= numItems) {
        throw new IllegalArgumentException("pair (" + u + ", " + i + ") outside " + numUsers + " x " + numItems);
      }
      ptr[u + 1]++;
    }
    for (int u = 0; u < numUsers; u++) {
      ptr[u + 1] += ptr[u];
    }
    int[] cols = new int[count];
    int[] cursor = Arrays.copyOf(ptr, numUsers);
    for (int p = 0; p < count; p++) {
      cols[cursor[users[p]]++] = items[p];
    }
    // sort each row and drop duplicates, compacting in place
    int[] outPtr = new int[numUsers + 1];
    int out = 0;
    for (int u = 0; u < numUsers; u++) {
      Arrays.sort(cols, ptr[u], ptr[u + 1]);
      int previous = -1;
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        if (cols[p] != previous) {
          cols[out++] = cols[p];
          previous = cols[p];
        }
      }
      outPtr[u + 1] = out;
    }
    return new Interactions(numUsers, numItems, outPtr, out == count ? cols : Arrays.copyOf(cols, out));
  }

  /** An empty set over the given id ranges. */
  public static Interactions empty(int numUsers, int numItems) {
    return new Interactions(numUsers, numItems, new int[numUsers + 1], new int[0]);
  }

  public int numUsers() {
    return numUsers;
  }

  public int numItems() {
    return numItems;
  }

  public int size() {
    return userItems.length;
  }

  /** CSR row pointers by user (length numUsers + 1). Shared, do not modify. */
  public int[] userPtr() {
    return userPtr;
  }

  /** CSR item ids by user, sorted within each user. Shared, do not modify. */
  public int[] userItems() {
    return userItems;
  }

  /** CSR row pointers by item (length numItems + 1). Shared, do not modify. */
  public int[] itemPtr() {
    return itemPtr;
  }

  /** CSR user ids by item, sorted within each item. Shared, do not modify. */
  public int[] itemUsers() {
    return itemUsers;
  }

  public int userDegree(int user) {
    return userPtr[user + 1] - userPtr[user];
  }

  public int itemDegree(int item) {
    return itemPtr[item + 1] - itemPtr[item];
  }

  public boolean contains(int user, int item) {
    return Arrays.binarySearch(userItems, userPtr[user], userPtr[user + 1], item) >= 0;
  }

  /** Sets {@code marks[i] = value} for every item i of the user (samplers mark them to test draws in O(1)). */
  public void markItems(int user, boolean[] marks, boolean value) {
    for (int p = userPtr[user]; p < userPtr[user + 1]; p++) {
      marks[userItems[p]] = value;
    }
  }

  /** The user of every pair in CSR order (parallel to {@link #userItems()}). */
  public int[] pairUsers() {
    int[] users = new int[userItems.length];
    for (int u = 0; u < numUsers; u++) {
      Arrays.fill(users, userPtr[u], userPtr[u + 1], u);
    }
    return users;
  }

  /** Number of users with at least one pair. */
  public int activeUsers() {
    int n = 0;
    for (int u = 0; u < numUsers; u++) {
      if (userPtr[u + 1] > userPtr[u]) {
        n++;
      }
    }
    return n;
  }

  /** Number of items with at least one pair. */
  public int activeItems() {
    int n = 0;
    for (int i = 0; i < numItems; i++) {
      if (itemPtr[i + 1] > itemPtr[i]) {
        n++;
      }
    }
    return n;
  }

  /** The union of this set and another over the same id ranges. */
  public Interactions union(Interactions other) {
    if (other.numUsers != numUsers || other.numItems != numItems) {
      throw new IllegalArgumentException("id ranges differ");
    }
    int n = size() + other.size();
    int[] users = new int[n];
    int[] items = new int[n];
    int[] a = pairUsers();
    int[] b = other.pairUsers();
    System.arraycopy(a, 0, users, 0, a.length);
    System.arraycopy(b, 0, users, a.length, b.length);
    System.arraycopy(userItems, 0, items, 0, userItems.length);
    System.arraycopy(other.userItems, 0, items, userItems.length, other.userItems.length);
    return fromPairs(numUsers, numItems, users, items);
  }

  /** Feeds the ranges and every pair into a hash, so equal sets hash equally. */
  public void hashInto(java.security.MessageDigest digest) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * (2 + userPtr.length + userItems.length));
    buffer.putInt(numUsers).putInt(numItems);
    buffer.asIntBuffer().put(userPtr).put(userItems);
    digest.update(buffer.array());
  }

  @Override
  public String toString() {
    return "Interactions[" + numUsers + " users x " + numItems + " items, " + size() + " pairs]";
  }
}
