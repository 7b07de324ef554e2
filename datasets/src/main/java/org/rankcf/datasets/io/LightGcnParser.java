package org.rankcf.datasets.io;

import org.rankcf.datasets.PairTable;
import org.rankcf.framework.util.UserInputException;

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
    byte[] data = file.bytes();
    ByteLines lines = new ByteLines(file.name(), data);
    if (!lines.nextNonBlank()) {
      throw UserInputException.inFile(file.name(), "empty file");
    }
    PairTable table = new PairTable(false, false, data.length / 5);
    Fields fields = new Fields(Delimiter.WHITESPACE);
    do {
      fields.reset(lines);
      fields.next();
      int user = ids.parse(lines, fields.start(), fields.end(), "user");
      table.noteUser(user);
      while (fields.next()) {
        table.add(user, ids.parse(lines, fields.start(), fields.end(), "item"));
      }
    } while (lines.nextNonBlank());
    return table;
  }
}
