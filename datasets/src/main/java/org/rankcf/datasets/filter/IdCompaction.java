package org.rankcf.datasets.filter;

import java.util.EnumMap;
import java.util.Map;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;
import org.rankcf.framework.data.IdMap;

/**
 * Renumbers users and items densely over those that still have a pair, keeping their order and their
 * external ids. Run after a filter so that dropped users and items do not linger as empty rows (which
 * would still be ranked as candidates).
 */
public final class IdCompaction {
  private IdCompaction() {}

  public static PairData apply(PairData data) {
    boolean[] userUsed = new boolean[data.numUsers()];
    boolean[] itemUsed = new boolean[data.numItems()];
    for (PairTable table : data.parts().values()) {
      for (int p = 0; p < table.size(); p++) {
        userUsed[table.user(p)] = true;
        itemUsed[table.item(p)] = true;
      }
    }
    IdMap users = new IdMap();
    IdMap items = new IdMap();
    int[] userMap = renumber(userUsed, data.users(), users);
    int[] itemMap = renumber(itemUsed, data.items(), items);
    Map<Part, PairTable> parts = new EnumMap<>(Part.class);
    data.parts().forEach((part, table) -> {
      PairTable copy = table.copy();
      copy.remapIds(userMap, itemMap);
      parts.put(part, copy);
    });
    return new PairData(data.name(), users, items, parts);
  }

  private static int[] renumber(boolean[] used, IdMap old, IdMap fresh) {
    int[] map = new int[used.length];
    for (int id = 0; id < used.length; id++) {
      map[id] = used[id] ? fresh.intern(old.external(id)) : -1;
    }
    return map;
  }
}
