package org.rankcf.datasets;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.data.Interactions;

/**
 * A data set as read, before it is split: its files' pairs (by {@link Part}) over one dense id space, and
 * the external ids of that space.
 */
public final class PairData {
  private final String name;
  private final int numUsers;
  private final int numItems;
  private final IdMap users;
  private final IdMap items;
  private final Map<Part, PairTable> parts;

  public PairData(String name, IdMap users, IdMap items, Map<Part, PairTable> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no parts");
    }
    this.name = name;
    this.numUsers = users.size();
    this.numItems = items.size();
    this.users = users;
    this.items = items;
    this.parts = Collections.unmodifiableMap(new EnumMap<>(parts));
    for (PairTable table : this.parts.values()) {
      if (table.maxUser() >= numUsers || table.maxItem() >= numItems
          || (table.size() > 0 && table.minId() < 0)) {
        throw new IllegalArgumentException("pair ids outside " + numUsers + " x " + numItems);
      }
    }
  }

  public String name() {
    return name;
  }

  public int numUsers() {
    return numUsers;
  }

  public int numItems() {
    return numItems;
  }

  public IdMap users() {
    return users;
  }

  public IdMap items() {
    return items;
  }

  /** The parts present, in {@link Part} order. */
  public Map<Part, PairTable> parts() {
    return parts;
  }

  public boolean has(Part part) {
    return parts.containsKey(part);
  }

  public PairTable part(Part part) {
    PairTable table = parts.get(part);
    if (table == null) {
      throw new IllegalArgumentException(name + " has no " + part.label() + " part");
    }
    return table;
  }

  /** Whether every part carries a rating (or weight) column. */
  public boolean hasRatings() {
    return parts.values().stream().allMatch(PairTable::hasRatings);
  }

  /** Whether every part carries a timestamp column. */
  public boolean hasTimestamps() {
    return parts.values().stream().allMatch(PairTable::hasTimestamps);
  }

  /** Total number of pairs as read, duplicates included. */
  public long rawSize() {
    long n = 0;
    for (PairTable table : parts.values()) {
      n += table.size();
    }
    return n;
  }

  /** The distinct pairs of one part. */
  public Interactions interactions(Part part) {
    PairTable table = part(part);
    return Interactions.fromPairs(numUsers, numItems, table.userIds(), table.itemIds(), table.size());
  }

  /** The distinct pairs of all parts together, in (user, item) order. */
  public Interactions merged() {
    int n = Math.toIntExact(rawSize());
    int[] u = new int[n];
    int[] i = new int[n];
    int at = 0;
    for (PairTable table : parts.values()) {
      System.arraycopy(table.userIds(), 0, u, at, table.size());
      System.arraycopy(table.itemIds(), 0, i, at, table.size());
      at += table.size();
    }
    return Interactions.fromPairs(numUsers, numItems, u, i);
  }

  /**
   * The timestamp of every pair of {@code pairs} (a set over this id space, e.g. {@link #merged()}), in its
   * CSR order: the latest time any part gives the pair, NaN for a pair no part holds.
   */
  public double[] latestTimestamps(Interactions pairs) {
    if (!hasTimestamps()) {
      throw new IllegalStateException(name + " has no timestamps");
    }
    double[] times = new double[pairs.size()];
    Arrays.fill(times, Double.NaN);
    int[] ptr = pairs.userPtr();
    int[] cols = pairs.userItems();
    for (PairTable table : parts.values()) {
      for (int p = 0; p < table.size(); p++) {
        int u = table.user(p);
        int at = Arrays.binarySearch(cols, ptr[u], ptr[u + 1], table.item(p));
        if (at >= 0 && !(times[at] >= table.timestamp(p))) {
          times[at] = table.timestamp(p);
        }
      }
    }
    return times;
  }

  /** The same data set with other parts (e.g. after a filter), over the same id space. */
  public PairData withParts(Map<Part, PairTable> newParts) {
    return new PairData(name, users, items, newParts);
  }

  @Override
  public String toString() {
    return "PairData[" + name + ": " + numUsers + " users x " + numItems + " items, " + rawSize() + " pairs in "
        + parts.keySet() + "]";
  }
}
