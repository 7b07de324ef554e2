package org.rankcf.datasets.io;

import java.util.Arrays;
import org.rankcf.datasets.PairTable;

/**
 * Delimited pair files (TSV, CSV, MovieLens): {@code user item [rating-or-weight [timestamp]]}. The first
 * data line fixes the number of columns for the file; a header line is skipped when told so, or, when left
 * to detection, when one of its first two fields is not a number (so {@code 1.5} is a bad id, not a
 * header).
 */
final class DelimitedParser implements PairParser {
  private static final String COLUMNS = "user, item, optional rating or weight, optional timestamp";
  private static final byte[] ROLES = {Rows.USER, Rows.ITEM, Rows.RATING, Rows.TIMESTAMP};

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
    ByteLines lines = ByteLines.open(file);
    Delimiter separator = delimiter != null ? delimiter : Delimiter.guess(lines.data(), lines.start(), lines.end());
    Fields fields = new Fields(separator);
    if (header != null ? header : looksLikeHeader(fields, lines)) {
      lines.skipHeader();
    }
    int expected = fields.count(lines);
    if (columns != 0 && expected != columns) {
      throw lines.error("expected " + columns + " columns (" + COLUMNS + "), found " + expected);
    }
    if (expected < 2 || expected > 4) {
      throw lines.error("expected 2 to 4 columns (" + COLUMNS + "), found " + expected);
    }
    return Rows.read(lines, fields, Arrays.copyOf(ROLES, expected), ids, ids, "as on the first line");
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
}
