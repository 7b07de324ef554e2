package org.rankcf.datasets.io;

import java.util.Map;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.util.UserInputException;

/**
 * Turns integer ids as written into dense ids: dense = id - base, so numeric order is kept, and the number
 * of users (items) is the largest dense user (item) id over all files plus one. The base is decided over
 * all files of a data set together, so that train and test map alike.
 */
final class IntegerIds {
  /** Ids may leave gaps, but a range this much larger than the data means the ids are not dense. */
  private static final long MAX_RANGE_PER_PAIR = 16;

  private IntegerIds() {}

  /**
   * @param base 0 or 1, or -1 for auto: 1 when no file has an id 0 and the smallest id is 1, else 0
   * @param where how errors name the data set
   */
  static PairData resolve(String name, Map<Part, PairTable> tables, int base, String where) {
    int minId = Integer.MAX_VALUE;
    int maxUser = -1;
    int maxItem = -1;
    long pairs = 0;
    for (PairTable table : tables.values()) {
      minId = Math.min(minId, table.minId());
      maxUser = Math.max(maxUser, table.maxUser());
      maxItem = Math.max(maxItem, table.maxItem());
      pairs += table.size();
    }
    int chosen = base >= 0 ? base : minId == 1 ? 1 : 0;
    if (chosen != 0) {
      for (PairTable table : tables.values()) {
        table.shiftIds(chosen);
      }
    }
    int numUsers = maxUser < 0 ? 0 : maxUser + 1 - chosen;
    int numItems = maxItem < 0 ? 0 : maxItem + 1 - chosen;
    long limit = MAX_RANGE_PER_PAIR * pairs + 1024;
    if (numUsers > limit || numItems > limit) {
      throw UserInputException.inFile(where, "ids reach " + (Math.max(maxUser, maxItem)) + " for only " + pairs
          + " pairs: integer ids must be dense (0..n-1 or 1..n); a RecBole .inter file remaps sparse ids");
    }
    return new PairData(name, ids(numUsers, chosen), ids(numItems, chosen), tables);
  }

  private static IdMap ids(int n, int base) {
    IdMap map = new IdMap();
    for (int d = 0; d < n; d++) {
      map.intern(Integer.toString(d + base));
    }
    return map;
  }
}
