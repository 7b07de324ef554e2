package org.rankcf.reports.schema;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.util.UserInputException;

/**
 * The JSON format of every run and sweep file, and the only place that binds it: record components are
 * snake_case keys in component order, non-finite numbers are written as the strings "NaN", "Infinity" and
 * "-Infinity" (a hand-edited bare NaN reads too), nothing is coerced (a quoted number, 4.5 for an integer or 1
 * for true is an error), nulls are refused and every key is required except those a record declares
 * optional with the value their absence means (fields added after older files were written).
 *
 * <p>Unknown keys are ignored: a run folder written by a newer rankcf, whose records carry one more field,
 * stays readable by this one (every field this version needs is still checked). Errors name the file, the
 * line where there is one (trajectory.jsonl holds one object a line; syntax errors) and the key.
 */
public final class RunJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
      .addMixIn(EpochRecord.class, EpochRecordFormat.class)
      .build();
  private static final ObjectWriter DOCUMENT = MAPPER.writerWithDefaultPrettyPrinter();
  private static final ObjectWriter LINE = MAPPER.writer();
  private static final Pattern MISSING = Pattern.compile("Missing creator property '([^']*)'");

  private RunJson() {}

  /** A whole file's text: indented, ending in a newline. */
  public static String document(Object value) {
    return write(DOCUMENT, value) + "\n";
  }

  /** One line of a JSON-lines file, ending in a newline. */
  public static String line(Object value) {
    return write(LINE, value) + "\n";
  }

  /** A value as a tree (a results row's axis values, a config). */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run record that cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A whole JSON file as a tree; a missing, empty or malformed file is named. */
  public static JsonNode readTree(Path file) {
    String text = readText(file);
    if (text.isBlank()) {
      throw UserInputException.inFile(file, "is empty");
    }
    return parse(file, text, 0);
  }

  /** A whole JSON file bound to {@code type}; {@code optional} maps keys a file may lack to what their absence means. */
  public static <T> T read(Path file, Class<T> type, Map<String, ?> optional) {
    return bind(readTree(file), type, optional, file, 0);
  }

  /** Each non-blank line of a JSON-lines file, bound to {@code type}, with its 1-based line number. */
  public static <T> List<Line<T>> readLines(Path file, Class<T> type, Map<String, ?> optional) {
    List<String> lines = readText(file).lines().toList();
    List<Line<T>> out = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      if (!lines.get(k).isBlank()) {
        out.add(new Line<>(k + 1, bind(parse(file, lines.get(k), k), type, optional, file, k + 1)));
      }
    }
    return out;
  }

  /** A record read from a line of a JSON-lines file. */
  public record Line<T>(int number, T value) {}

  /**
   * Binds a tree to {@code type}, first filling the optional keys it lacks.
   *
   * @param line the object's line in the file, or 0 when it is the whole file
   */
  public static <T> T bind(JsonNode node, Class<T> type, Map<String, ?> optional, Object file, long line) {
    if (!node.isObject()) {
      throw error(file, line, "expected a JSON object, got " + describe(node));
    }
    ObjectNode filled = (ObjectNode) node;
    if (optional.keySet().stream().anyMatch(key -> !node.has(key))) {
      filled = filled.deepCopy();
      for (Map.Entry<String, ?> entry : optional.entrySet()) {
        if (!filled.has(entry.getKey())) {
          filled.set(entry.getKey(), MAPPER.valueToTree(entry.getValue()));
        }
      }
    }
    try {
      return MAPPER.treeToValue(filled, type);
    } catch (JsonMappingException e) {
      throw error(file, line, reason(e));
    } catch (JsonProcessingException e) {
      throw error(file, line, e.getOriginalMessage());
    }
  }

  /** Jackson's failure as "missing key 'loss'" or "'user_spectrum[0]' must be a number, got "big"". */
  private static String reason(JsonMappingException e) {
    Matcher missing = MISSING.matcher(e.getOriginalMessage());
    if (missing.find()) {
      return "missing key '" + missing.group(1) + "'";
    }
    String key = key(e.getPath());
    if (e instanceof InvalidNullException) {
      return "'" + key + "' must not be null";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> target = mismatch.getTargetType();
      boolean element = target.isArray() && !e.getPath().isEmpty() && e.getPath().get(e.getPath().size() - 1).getIndex() >= 0;
      return "'" + key + "' must be " + expected(element ? target.getComponentType() : target) + ", got " + actual(e);
    }
    return "'" + key + "': " + e.getOriginalMessage().lines().findFirst().orElse("");
  }

  private static String key(List<JsonMappingException.Reference> path) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getIndex() >= 0) {
        key.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
      }
    }
    return key.toString();
  }

  private static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String actual(JsonMappingException e) {
    if (e instanceof InvalidFormatException format) {
      return String.valueOf(format.getValue());
    }
    if (e.getProcessor() instanceof JsonParser parser) {
      try {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
          return describe(MAPPER.getNodeFactory().textNode(parser.getText()));
        }
        if (token == JsonToken.START_ARRAY) {
          return "an array";
        }
        if (token == JsonToken.START_OBJECT) {
          return "an object";
        }
        return token == null ? "nothing" : parser.getText();
      } catch (IOException io) {
        return "an unreadable value";
      }
    }
    return "another type";
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static UserInputException error(Object file, long line, String message) {
    return line > 0 ? UserInputException.atLine(file, line, message) : UserInputException.inFile(file, message);
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw UserInputException.inFile(file, "no such file");
    } catch (IOException e) {
      throw UserInputException.inFile(file, "cannot read: " + e.getMessage());
    }
  }

  /** @param lineOffset lines before {@code text} in the file, so that syntax errors name the file's line */
  private static JsonNode parse(Path file, String text, long lineOffset) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      long line = lineOffset + (e.getLocation() == null ? 1 : e.getLocation().getLineNr());
      String reason = e.getOriginalMessage().lines().findFirst().orElse("");
      throw UserInputException.atLine(file, line, "malformed JSON: " + reason);
    }
  }
}
