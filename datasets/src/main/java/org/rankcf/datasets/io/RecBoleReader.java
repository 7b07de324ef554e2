package org.rankcf.datasets.io;

import java.util.Map;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.util.UserInputException;

/**
 * RecBole atomic {@code .inter} files: tab-separated with a header of {@code name:type} fields, e.g.
 * {@code user_id:token  item_id:token  rating:float  timestamp:float}, in any order; other fields are
 * ignored. User and item tokens of all files of a data set share one id space: dense ids follow the sorted
 * order of the tokens (numeric when all are integers).
 */
final class RecBoleReader {
  private final TokenInterner userTokens = new TokenInterner();
  private final TokenInterner itemTokens = new TokenInterner();

  PairTable parse(DataFile file) {
    byte[] data = file.bytes();
    ByteLines lines = new ByteLines(file.name(), data);
    if (!lines.nextNonBlank()) {
      throw UserInputException.inFile(file.name(), "empty file");
    }
    Fields fields = new Fields(Delimiter.TAB);
    int userColumn = -1;
    int itemColumn = -1;
    int ratingColumn = -1;
    int timeColumn = -1;
    int columns = 0;
    fields.reset(lines);
    while (fields.next()) {
      String field = lines.text(fields.start(), fields.end());
      int colon = field.indexOf(':');
      switch (colon < 0 ? field : field.substring(0, colon)) {
        case "user_id" -> userColumn = columns;
        case "item_id" -> itemColumn = columns;
        case "rating" -> ratingColumn = columns;
        case "timestamp" -> timeColumn = columns;
        default -> { } // a field we do not use
      }
      columns++;
    }
    if (userColumn < 0 || itemColumn < 0) {
      throw lines.error("the header needs user_id and item_id fields (e.g. user_id:token)");
    }
    if (!lines.nextNonBlank()) {
      throw UserInputException.inFile(file.name(), "empty file (a header and no pairs)");
    }
    PairTable table = new PairTable(ratingColumn >= 0, timeColumn >= 0, data.length / 16);
    do {
      fields.reset(lines);
      int user = 0;
      int item = 0;
      double rating = 0;
      double time = 0;
      int found = 0;
      while (fields.next()) {
        if (found == userColumn) {
          user = userTokens.intern(lines.data(), token(fields, lines, "user_id"), fields.end());
        } else if (found == itemColumn) {
          item = itemTokens.intern(lines.data(), token(fields, lines, "item_id"), fields.end());
        } else if (found == ratingColumn) {
          rating = fields.number(lines, "rating");
        } else if (found == timeColumn) {
          time = fields.number(lines, "timestamp");
        }
        found++;
      }
      if (found != columns) {
        throw lines.error("expected " + columns + " columns as in the header, found " + found);
      }
      table.add(user, item, rating, time);
    } while (lines.nextNonBlank());
    return table;
  }

  /** The start of a non-empty token field. */
  private static int token(Fields fields, ByteLines lines, String kind) {
    if (fields.start() == fields.end()) {
      throw lines.error("empty " + kind);
    }
    return fields.start();
  }

  /** Maps the tokens of the tables read so far to dense ids in sorted token order. */
  PairData finish(String name, Map<Part, PairTable> tables) {
    int[] userOrder = userTokens.sortedOrder();
    int[] itemOrder = itemTokens.sortedOrder();
    int[] userRank = ranks(userOrder);
    int[] itemRank = ranks(itemOrder);
    for (PairTable table : tables.values()) {
      table.remapIds(userRank, itemRank);
    }
    return new PairData(name, idMap(userTokens, userOrder), idMap(itemTokens, itemOrder), tables);
  }

  private static int[] ranks(int[] order) {
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  private static IdMap idMap(TokenInterner tokens, int[] order) {
    IdMap map = new IdMap();
    for (int k : order) {
      map.intern(tokens.token(k));
    }
    return map;
  }
}
