package org.rankcf.datasets.filter;

import java.util.EnumMap;
import java.util.Map;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;
import org.rankcf.framework.data.Interactions;

/**
 * The k-core: repeatedly drops users and items with fewer than k distinct pairs (counted over all parts
 * together) until every one left has at least k; their pairs leave every part.
 */
public final class KCoreFilter {
  private KCoreFilter() {}

  public static PairData apply(PairData data, int k) {
    Interactions all = data.merged();
    boolean[] userGone = new boolean[all.numUsers()];
    boolean[] itemGone = new boolean[all.numItems()];
    peel(all, k, userGone, itemGone);
    Map<Part, PairTable> parts = new EnumMap<>(Part.class);
    data.parts().forEach((part, table) -> {
      boolean[] keep = new boolean[table.size()];
      for (int p = 0; p < keep.length; p++) {
        keep[p] = !userGone[table.user(p)] && !itemGone[table.item(p)];
      }
      parts.put(part, table.select(keep));
    });
    return data.withParts(parts);
  }

  /** Marks the users and items outside the k-core; a work queue holds ids (items offset by numUsers). */
  static void peel(Interactions all, int k, boolean[] userGone, boolean[] itemGone) {
    int numUsers = all.numUsers();
    int[] userDegree = new int[numUsers];
    int[] itemDegree = new int[all.numItems()];
    int[] queue = new int[numUsers + all.numItems()];
    int tail = 0;
    for (int u = 0; u < numUsers; u++) {
      userDegree[u] = all.userDegree(u);
      if (userDegree[u] < k) {
        userGone[u] = true;
        queue[tail++] = u;
      }
    }
    for (int i = 0; i < itemDegree.length; i++) {
      itemDegree[i] = all.itemDegree(i);
      if (itemDegree[i] < k) {
        itemGone[i] = true;
        queue[tail++] = numUsers + i;
      }
    }
    int[] userPtr = all.userPtr();
    int[] userItems = all.userItems();
    int[] itemPtr = all.itemPtr();
    int[] itemUsers = all.itemUsers();
    for (int head = 0; head < tail; head++) {
      int id = queue[head];
      if (id < numUsers) {
        for (int p = userPtr[id]; p < userPtr[id + 1]; p++) {
          int i = userItems[p];
          if (!itemGone[i] && --itemDegree[i] < k) {
            itemGone[i] = true;
            queue[tail++] = numUsers + i;
          }
        }
      } else {
        int i = id - numUsers;
        for (int p = itemPtr[i]; p < itemPtr[i + 1]; p++) {
          int u = itemUsers[p];
          if (!userGone[u] && --userDegree[u] < k) {
            userGone[u] = true;
            queue[tail++] = u;
          }
        }
      }
    }
  }
}
