package org.rankcf.datasets.io;

import java.util.Map;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;
import org.rankcf.framework.data.IdMap;

/**
 * RecBole atomic {@code .inter} files: tab-separated with a header of {@code name:type} fields, e.g.
 * {@code user_id:token  item_id:token  rating:float  timestamp:float}, in any order; other fields are
 * ignored. User and item tokens of all files of a data set share one id space: dense ids follow the sorted
 * order of the tokens (numeric when all are integers).
 */
final class RecBoleReader {
  private final TokenInterner userTokens = new TokenInterner();
  private final TokenInterner itemTokens = new TokenInterner();
  private final IdReader users = tokenReader(userTokens);
  private final IdReader items = tokenReader(itemTokens);

  PairTable parse(DataFile file) {
    ByteLines lines = ByteLines.open(file);
    Fields fields = new Fields(Delimiter.TAB);
    byte[] roles = headerRoles(fields, lines);
    lines.skipHeader();
    return Rows.read(lines, fields, roles, users, items, "as in the header");
  }

  private static byte[] headerRoles(Fields fields, ByteLines lines) {
    byte[] roles = new byte[fields.count(lines)];
    boolean user = false;
    boolean item = false;
    fields.reset(lines);
    for (int k = 0; fields.next(); k++) {
      String field = lines.text(fields.start(), fields.end());
      int colon = field.indexOf(':');
      roles[k] = switch (colon < 0 ? field : field.substring(0, colon)) {
        case "user_id" -> Rows.USER;
        case "item_id" -> Rows.ITEM;
        case "rating" -> Rows.RATING;
        case "timestamp" -> Rows.TIMESTAMP;
        default -> Rows.SKIP;
      };
      user |= roles[k] == Rows.USER;
      item |= roles[k] == Rows.ITEM;
    }
    if (!user || !item) {
      throw lines.error("the header needs user_id and item_id fields (e.g. user_id:token)");
    }
    return roles;
  }

  private static IdReader tokenReader(TokenInterner tokens) {
    return (lines, from, to, kind) -> {
      if (from == to) {
        throw lines.error("empty " + kind + "_id");
      }
      return tokens.intern(lines.data(), from, to);
    };
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
