package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a sweep's results.json and stats.json, whose layout the report does not fix, as tables: an array
 * of objects becomes one table (a column per key), an object a key/value table of its scalar fields and a
 * heading for each nested one. All text is escaped.
 */
final class JsonTables {
  private static final int MAX_DEPTH = 4;

  private JsonTables() {}

  static void render(StringBuilder html, JsonNode node, int depth) {
    if (node.isArray() && allObjects(node)) {
      rowsTable(node).appendTo(html);
    } else if (node.isObject() && depth < MAX_DEPTH) {
      object(html, node, depth);
    } else {
      html.append("<pre>").append(Html.escape(node.toPrettyString())).append("</pre>\n");
    }
  }

  /** The scalar fields as one key/value table, then a heading for each nested field. */
  private static void object(StringBuilder html, JsonNode node, int depth) {
    HtmlTable scalars = new HtmlTable("key", "value");
    boolean anyScalar = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isValueNode()) {
        scalars.row(field.getKey(), cell(field.getValue()));
        anyScalar = true;
      }
    }
    if (anyScalar) {
      scalars.appendTo(html);
    }
    String heading = "h" + Math.min(3 + depth, 6);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isValueNode()) {
        html.append('<').append(heading).append('>').append(Html.escape(field.getKey()))
            .append("</").append(heading).append(">\n");
        render(html, field.getValue(), depth + 1);
      }
    }
  }

  private static HtmlTable rowsTable(JsonNode rows) {
    Set<String> keys = new LinkedHashSet<>();
    rows.forEach(row -> row.fieldNames().forEachRemaining(keys::add));
    HtmlTable table = new HtmlTable(new ArrayList<>(keys));
    for (JsonNode row : rows) {
      List<String> cells = new ArrayList<>();
      keys.forEach(key -> cells.add(row.has(key) ? cell(row.get(key)) : ""));
      table.row(cells);
    }
    return table;
  }

  /** Scalars as text (numbers rounded), anything nested as compact JSON. */
  private static String cell(JsonNode value) {
    if (value.isNumber()) {
      return Html.number(value.doubleValue());
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isObject()) {
        return false;
      }
    }
    return array.size() > 0;
  }
}
