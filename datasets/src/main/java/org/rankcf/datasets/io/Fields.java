package org.rankcf.datasets.io;

/**
 * A cursor over the fields of one line held in a byte array. Fields are trimmed of surrounding white
 * space; with a separator, empty fields count (so {@code "1,,2"} has three fields).
 */
final class Fields {
  private final byte[] separator;
  private byte[] data;
  private int pos;
  private int lineEnd;
  private boolean done;
  private int start;
  private int end;

  Fields(Delimiter delimiter) {
    this.separator = delimiter.separator();
  }

  /** Starts on the current line of {@code lines}. */
  void reset(ByteLines lines) {
    data = lines.data();
    pos = lines.start();
    lineEnd = lines.end();
    done = false;
  }

  /** The number of fields of the current line of {@code lines} (and resets to it). */
  int count(ByteLines lines) {
    reset(lines);
    int n = 0;
    while (next()) {
      n++;
    }
    return n;
  }

  /** Moves to the next field; false when the line has no more. */
  boolean next() {
    if (separator == null) {
      while (pos < lineEnd && ByteLines.isSpace(data[pos])) {
        pos++;
      }
      if (pos >= lineEnd) {
        return false;
      }
      start = pos;
      while (pos < lineEnd && !ByteLines.isSpace(data[pos])) {
        pos++;
      }
      end = pos;
      return true;
    }
    if (done) {
      return false;
    }
    int at = find(pos);
    start = pos;
    if (at < 0) {
      end = lineEnd;
      done = true;
    } else {
      end = at;
      pos = at + separator.length;
    }
    while (start < end && ByteLines.isSpace(data[start])) {
      start++;
    }
    while (end > start && ByteLines.isSpace(data[end - 1])) {
      end--;
    }
    return true;
  }

  private int find(int from) {
    byte first = separator[0];
    for (int p = from; p + separator.length <= lineEnd; p++) {
      if (data[p] == first && (separator.length == 1 || data[p + 1] == separator[1])) {
        return p;
      }
    }
    return -1;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** Whether the field is no number at all (a header word, not a malformed id). */
  boolean isText() {
    return Double.isNaN(ByteNumbers.parseDouble(data, start, end));
  }

  /** The field as a number; an error at the current line of {@code lines} if it is not one. */
  double number(ByteLines lines, String kind) {
    double value = ByteNumbers.parseDouble(data, start, end);
    if (Double.isNaN(value)) {
      throw lines.error(kind + " '" + lines.text(start, end) + "' is not a number");
    }
    return value;
  }
}
