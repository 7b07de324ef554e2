package org.rankcf.datasets.io;

import org.rankcf.datasets.PairTable;
import org.rankcf.framework.util.UserInputException;

/**
 * Delimited pair files (TSV, CSV, MovieLens): {@code user item [rating-or-weight [timestamp]]}. The first
 * data line fixes the number of columns for the file; a header line is skipped when told so, or, when left
 * to detection, when one of its first two fields is not a number (so {@code 1.5} is a bad id, not a
 * header).
 */
final class DelimitedParser implements PairParser {
  private static final String COLUMNS = "user, item, optional rating or weight, optional timestamp";

  private final Delimiter delimiter;
  private final Boolean header;
  private final int columns;
  private final IdParser ids;

  /**
   * @param delimiter the separator, null to guess it from the first line
   * @param header whether the first line is a header, null to detect it
   * @param columns the exact number of columns required, 0 to accept 2 to 4
   */
  DelimitedParser(Delimiter delimiter, Boolean header, int columns, IdParser ids) {
    this.delimiter = delimiter;
    this.header = header;
    this.columns = columns;
    this.ids = ids;
  }

  @Override
  public PairTable parse(DataFile file) {
    byte[] data = file.bytes();
    ByteLines lines = new ByteLines(file.name(), data);
    if (!lines.nextNonBlank()) {
      throw UserInputException.inFile(file.name(), "empty file");
    }
    Fields fields = new Fields(delimiter != null ? delimiter : Delimiter.guess(data, lines.start(), lines.end()));
    boolean skipHeader = header != null ? header : looksLikeHeader(fields, lines);
    if (skipHeader && !lines.nextNonBlank()) {
      throw UserInputException.inFile(file.name(), "empty file (a header and no pairs)");
    }
    int expected = countFields(fields, lines);
    if (columns != 0 && expected != columns) {
      throw lines.error("expected " + columns + " columns (" + COLUMNS + "), found " + expected);
    }
    if (expected < 2 || expected > 4) {
      throw lines.error("expected 2 to 4 columns (" + COLUMNS + "), found " + expected);
    }
    PairTable table = new PairTable(expected >= 3, expected == 4, data.length / 12);
    do {
      parseLine(fields, lines, expected, table);
    } while (lines.nextNonBlank());
    return table;
  }

  private void parseLine(Fields fields, ByteLines lines, int expected, PairTable table) {
    fields.reset(lines);
    int user = 0;
    int item = 0;
    double rating = 0;
    double time = 0;
    int found = 0;
    while (fields.next()) {
      switch (found) {
        case 0 -> user = ids.parse(lines, fields.start(), fields.end(), "user");
        case 1 -> item = ids.parse(lines, fields.start(), fields.end(), "item");
        case 2 -> rating = fields.number(lines, "rating");
        case 3 -> time = fields.number(lines, "timestamp");
        default -> { } // counted below
      }
      found++;
    }
    if (found != expected) {
      throw lines.error("expected " + expected + " columns as on the first line, found " + found);
    }
    table.add(user, item, rating, time);
  }

  /** A header has at least two fields and text that is no number among the first two. */
  private static boolean looksLikeHeader(Fields fields, ByteLines lines) {
    fields.reset(lines);
    if (!fields.next()) {
      return false;
    }
    boolean text = fields.isText();
    return fields.next() && (text || fields.isText());
  }

  private static int countFields(Fields fields, ByteLines lines) {
    fields.reset(lines);
    int n = 0;
    while (fields.next()) {
      n++;
    }
    return n;
  }
}
