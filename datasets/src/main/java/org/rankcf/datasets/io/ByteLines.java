package org.rankcf.datasets.io;

import java.nio.charset.StandardCharsets;
import org.rankcf.framework.util.UserInputException;

/**
 * Walks the lines of a file held in memory as bytes, counting 1-based line numbers, without allocating per
 * line. Accepts LF, CRLF and bare CR (old Mac) line ends and skips a UTF-8 byte-order mark.
 */
final class ByteLines {
  private final String file;
  private final byte[] data;
  private int next;
  private long line;
  private int start;
  private int end;

  ByteLines(String file, byte[] data) {
    this.file = file;
    this.data = data;
    boolean bom = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb
        && (data[2] & 0xff) == 0xbf;
    this.next = bom ? 3 : 0;
  }

  /** The lines of a file, positioned on its first non-blank line; an empty file is an error. */
  static ByteLines open(DataFile file) {
    ByteLines lines = new ByteLines(file.name(), file.bytes());
    if (!lines.nextNonBlank()) {
      throw UserInputException.inFile(file.name(), "empty file");
    }
    return lines;
  }

  /** The next non-blank line after a header; a file with nothing else is an error. */
  void skipHeader() {
    if (!nextNonBlank()) {
      throw UserInputException.inFile(file, "empty file (a header and no pairs)");
    }
  }

  /** Moves to the next line; false at the end of the file. */
  boolean next() {
    if (next >= data.length) {
      return false;
    }
    start = next;
    int p = start;
    while (p < data.length && data[p] != '\n' && data[p] != '\r') {
      p++;
    }
    end = p;
    next = p < data.length - 1 && data[p] == '\r' && data[p + 1] == '\n' ? p + 2 : p + 1;
    line++;
    return true;
  }

  /** Moves to the next line that holds more than white space; false at the end of the file. */
  boolean nextNonBlank() {
    while (next()) {
      if (!isBlank()) {
        return true;
      }
    }
    return false;
  }

  boolean isBlank() {
    for (int p = start; p < end; p++) {
      if (!isSpace(data[p])) {
        return false;
      }
    }
    return true;
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
  }

  byte[] data() {
    return data;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  long lineNumber() {
    return line;
  }

  String file() {
    return file;
  }

  /** The text of a span of the current line, cut short for messages. */
  String text(int from, int to) {
    int cut = Math.min(to, from + 40);
    return new String(data, from, cut - from, StandardCharsets.UTF_8) + (cut < to ? "..." : "");
  }

  /** An error at the current line: {@code file:line: message}. */
  UserInputException error(String message) {
    return UserInputException.atLine(file, line, message);
  }
}
