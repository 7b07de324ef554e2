package org.rankcf.reports.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.util.UserInputException;

/**
 * The CSV files of run and sweep folders (RFC 4180, through Jackson's CSV module): a header line, then one
 * line per row; a field is quoted only when it holds a comma, a quote or a line break, quotes doubled.
 */
final class RunCsv {
  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();

  private RunCsv() {}

  /** The text of a table whose rows map column names to JSON values; an absent or null cell is empty. */
  static String write(List<String> columns, List<? extends Map<String, JsonNode>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    List<Map<String, Object>> cells = new ArrayList<>();
    for (Map<String, JsonNode> row : rows) {
      Map<String, Object> line = new LinkedHashMap<>();
      row.forEach((column, value) -> line.put(column, scalar(value)));
      cells.add(line);
    }
    try {
      return MAPPER.writer(schema.build()).writeValueAsString(cells);
    } catch (IOException e) {
      throw new IllegalStateException("a table that cannot be written as CSV: " + e.getMessage(), e);
    }
  }

  /** Numbers, booleans and strings as themselves; a nested value as its JSON text. */
  private static Object scalar(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }

  /** The rows of a CSV file with a header, as column name to text; errors name the file and line. */
  static List<Map<String, String>> read(Path file) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class).with(schema)
        .readValues(Files.newBufferedReader(file))) {
      List<Map<String, String>> out = new ArrayList<>();
      while (rows.hasNextValue()) {
        out.add(rows.nextValue());
      }
      return out;
    } catch (NoSuchFileException e) {
      throw UserInputException.inFile(file, "no such file");
    } catch (IOException | RuntimeJsonMappingException e) {
      throw UserInputException.inFile(file, "malformed CSV: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
