package org.rankcf.reports;

import java.util.ArrayList;
import java.util.List;

/** A plain HTML table whose headers and cells are all escaped text. */
final class HtmlTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private String id = "";

  HtmlTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  HtmlTable(String... headers) {
    this(List.of(headers));
  }

  /** The table's id: an anchor, and the name of its CSV download. */
  HtmlTable id(String value) {
    id = value;
    return this;
  }

  HtmlTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  HtmlTable row(String... cells) {
    return row(List.of(cells));
  }

  void appendTo(StringBuilder html) {
    html.append(id.isEmpty() ? "<table>" : "<table id=\"" + Html.escape(id) + "\">").append("\n<thead><tr>");
    headers.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(c -> html.append("<td>").append(Html.escape(c)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }
}
