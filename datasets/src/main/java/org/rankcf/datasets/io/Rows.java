package org.rankcf.datasets.io;

import org.rankcf.datasets.PairTable;

/**
 * Reads the data lines of a delimited file whose columns have known roles, from the current line of
 * {@code lines} to the end, into a table. Every line must have exactly one field per role.
 */
final class Rows {
  static final byte USER = 0;
  static final byte ITEM = 1;
  static final byte RATING = 2;
  static final byte TIMESTAMP = 3;
  static final byte SKIP = 4;

  private Rows() {}

  /**
   * @param roles the role of each column
   * @param source where the column count came from, for messages ("on the first line", "in the header")
   */
  static PairTable read(ByteLines lines, Fields fields, byte[] roles, IdReader users, IdReader items,
      String source) {
    PairTable table = new PairTable(has(roles, RATING), has(roles, TIMESTAMP), lines.data().length / 12);
    do {
      fields.reset(lines);
      int user = 0;
      int item = 0;
      double rating = 0;
      double time = 0;
      int found = 0;
      while (fields.next()) {
        switch (found < roles.length ? roles[found] : SKIP) {
          case USER -> user = users.read(lines, fields.start(), fields.end(), "user");
          case ITEM -> item = items.read(lines, fields.start(), fields.end(), "item");
          case RATING -> rating = fields.number(lines, "rating");
          case TIMESTAMP -> time = fields.number(lines, "timestamp");
          default -> { } // an unused column, or one too many (counted)
        }
        found++;
      }
      if (found != roles.length) {
        throw lines.error("expected " + roles.length + " columns " + source + ", found " + found);
      }
      table.add(user, item, rating, time);
    } while (lines.nextNonBlank());
    return table;
  }

  private static boolean has(byte[] roles, byte role) {
    for (byte r : roles) {
      if (r == role) {
        return true;
      }
    }
    return false;
  }
}
