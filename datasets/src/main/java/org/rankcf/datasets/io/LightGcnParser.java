package org.rankcf.datasets.io;

import org.rankcf.datasets.PairTable;

/**
 * The LightGCN text format: each line is {@code user item item ...} separated by white space; a line with
 * a user and no items is allowed (the user still counts towards the number of users).
 */
final class LightGcnParser implements PairParser {
  private final IdParser ids;

  LightGcnParser(IdParser ids) {
    this.ids = ids;
  }

  @Override
  public PairTable parse(DataFile file) {
    ByteLines lines = ByteLines.open(file);
    PairTable table = new PairTable(false, false, lines.data().length / 5);
    Fields fields = new Fields(Delimiter.WHITESPACE);
    do {
      fields.reset(lines);
      fields.next();
      int user = ids.read(lines, fields.start(), fields.end(), "user");
      table.noteUser(user);
      while (fields.next()) {
        table.add(user, ids.read(lines, fields.start(), fields.end(), "item"));
      }
    } while (lines.nextNonBlank());
    return table;
  }
}
