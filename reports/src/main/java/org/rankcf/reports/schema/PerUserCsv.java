package org.rankcf.reports.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.util.UserInputException;

/**
 * A run's test_per_user.csv: a {@code user} column, then one column of per-user test values per metric
 * (the selection metric and recall at its K), for paired tests over users.
 */
public final class PerUserCsv {
  private static final String USER = "user";

  private PerUserCsv() {}

  /** The file's text: {@code users[u]} and each column's {@code [u]}, in the order given. */
  public static String write(int[] users, Map<String, float[]> columns) {
    List<String> header = new ArrayList<>();
    header.add(USER);
    header.addAll(columns.keySet());
    List<Map<String, JsonNode>> rows = new ArrayList<>();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    for (int u = 0; u < users.length; u++) {
      Map<String, JsonNode> row = new LinkedHashMap<>();
      row.put(USER, nodes.numberNode(users[u]));
      for (Map.Entry<String, float[]> column : columns.entrySet()) {
        row.put(column.getKey(), nodes.numberNode(column.getValue()[u]));
      }
      rows.add(row);
    }
    return RunCsv.write(header, rows);
  }

  /** User id to value of {@code metric}, in file order; null when the run folder has no per-user file (older runs). */
  public static Map<Integer, Double> read(Path runDir, String metric) {
    Path file = runDir.resolve(RunFiles.PER_USER);
    if (!Files.exists(file)) {
      return null;
    }
    List<Map<String, String>> rows = RunCsv.read(file);
    Map<Integer, Double> values = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Map<String, String> row = rows.get(r);
      if (!row.containsKey(metric)) {
        throw UserInputException.inFile(file, "no column '" + metric + "' in the header " + row.keySet());
      }
      try {
        values.put(Integer.parseInt(row.get(USER)), Double.parseDouble(row.get(metric)));
      } catch (NumberFormatException | NullPointerException e) {
        throw UserInputException.atLine(file, r + 2, "expected a user id and a number, got " + row);
      }
    }
    return values;
  }
}
