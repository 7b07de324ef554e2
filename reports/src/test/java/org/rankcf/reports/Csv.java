package org.rankcf.reports;

import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader for the CSV the report's page builds: quoted fields may hold commas, quotes and newlines. */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (quoted) {
        if (c == '"' && k + 1 < text.length() && text.charAt(k + 1) == '"') {
          field.append('"');
          k++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (quoted || field.length() > 0 || !row.isEmpty()) {
      throw new IllegalArgumentException("the CSV does not end with a complete line");
    }
    return rows;
  }
}
