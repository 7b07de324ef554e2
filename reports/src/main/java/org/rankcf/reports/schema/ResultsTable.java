package org.rankcf.reports.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rankcf.framework.util.UserInputException;

/**
 * A sweep's results.json and results.csv: one {@link ResultsRow} per run with metrics, one {@link UnfinishedRow}
 * per run without (failed or not run), laid out flat. Flattening moves the
 * axes' entries into the row between {@code arm} and {@code selected}, names the validation value by the
 * selection metric and prefixes the test metrics; reading back undoes exactly that and binds the row.
 */
public final class ResultsTable {
  private static final String AXES = "axes";
  private static final String METRIC = "selection_metric";
  private static final String VALIDATION = "validation";
  private static final String TEST = "test";

  private ResultsTable() {}

  /** A row of the table: a run with metrics or one without. */
  public sealed interface Row permits ResultsRow, UnfinishedRow {}

  /** results.json's text. */
  public static String json(List<? extends Row> rows) {
    return RunJson.document(flat(rows));
  }

  /** results.csv's text: a column for every key of any row, in first-seen order; absent and null cells empty. */
  public static String csv(List<? extends Row> rows) {
    ArrayNode flat = flat(rows);
    Set<String> columns = new LinkedHashSet<>();
    flat.forEach(row -> row.fieldNames().forEachRemaining(columns::add));
    List<Map<String, JsonNode>> cells = new ArrayList<>();
    for (JsonNode row : flat) {
      Map<String, JsonNode> line = new LinkedHashMap<>();
      row.fields().forEachRemaining(field -> line.put(field.getKey(), field.getValue()));
      cells.add(line);
    }
    return RunCsv.write(List.copyOf(columns), cells);
  }

  /** The rows with metrics of a sweep folder's results.json (done or pruned runs; failed and unrun ones left out). */
  public static List<ResultsRow> read(Path sweepDir) {
    Path file = sweepDir.resolve(RunFiles.RESULTS);
    JsonNode rows = RunJson.readTree(file);
    if (!rows.isArray()) {
      throw UserInputException.inFile(file, "expected an array of rows");
    }
    List<ResultsRow> out = new ArrayList<>();
    for (JsonNode row : rows) {
      if (!row.isObject()) {
        throw UserInputException.inFile(file, "row " + out.size() + " is not an object");
      }
      JsonNode status = row.get("status");
      if (status != null && !status.asText().equals(ResultsRow.DONE) && !status.asText().equals(ResultsRow.PRUNED)) {
        continue;
      }
      out.add(RunJson.bind(nested((ObjectNode) row), ResultsRow.class, Map.of(), file + " row " + out.size(), 0));
    }
    return out;
  }

  static ArrayNode flat(List<? extends Row> rows) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    rows.forEach(row -> out.add(flat((ObjectNode) RunJson.tree(row))));
    return out;
  }

  private static ObjectNode flat(ObjectNode row) {
    ObjectNode flat = JsonNodeFactory.instance.objectNode();
    String metric = row.path(METRIC).asText();
    for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      switch (field.getKey()) {
        case AXES -> flat.setAll((ObjectNode) field.getValue());
        case METRIC -> { }
        case VALIDATION -> flat.set(VALIDATION + "_" + metric, field.getValue());
        case TEST -> field.getValue().fields().forEachRemaining(t -> flat.set(TEST + "_" + t.getKey(), t.getValue()));
        default -> flat.set(field.getKey(), field.getValue());
      }
    }
    return flat;
  }

  /** The inverse of {@link #flat(ObjectNode)}: the keys between arm and selected are the axes. */
  static ObjectNode nested(ObjectNode flat) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    ObjectNode axes = JsonNodeFactory.instance.objectNode();
    ObjectNode test = JsonNodeFactory.instance.objectNode();
    boolean inAxes = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = flat.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.equals("selected")) {
        inAxes = false;
      }
      if (inAxes) {
        axes.set(key, field.getValue());
      } else if (key.startsWith(VALIDATION + "_")) {
        row.put(METRIC, key.substring(VALIDATION.length() + 1));
        row.set(VALIDATION, field.getValue());
      } else if (key.startsWith(TEST + "_")) {
        test.set(key.substring(TEST.length() + 1), field.getValue());
      } else {
        row.set(key, field.getValue());
      }
      if (key.equals("arm")) {
        inAxes = true;
      }
    }
    row.set(AXES, axes);
    row.set(TEST, test);
    return row;
  }
}
