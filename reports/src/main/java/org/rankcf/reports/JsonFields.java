package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.rankcf.framework.util.UserInputException;

/**
 * Typed access to the keys of one JSON object read from a run file. Every failure names the file, the line
 * (for trajectory.jsonl, where each line is one object) and the key.
 */
final class JsonFields {
  private final Object file;
  private final long line;
  private final JsonNode node;

  /** @param line the object's line in the file, or 0 when the object is the whole file */
  JsonFields(Object file, long line, JsonNode node) {
    this.file = file;
    this.line = line;
    this.node = node;
    if (!node.isObject()) {
      throw error("expected a JSON object, got " + describe(node));
    }
  }

  UserInputException error(String message) {
    return line > 0 ? UserInputException.atLine(file, line, message) : UserInputException.inFile(file, message);
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  JsonNode node(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw error("missing key '" + key + "'");
    }
    return value;
  }

  JsonFields object(String key) {
    return new JsonFields(file, line, typed(key, JsonNode::isObject, "an object"));
  }

  double number(String key) {
    return toDouble(key, node(key));
  }

  double number(String key, double fallback) {
    return has(key) ? number(key) : fallback;
  }

  int integer(String key) {
    return typed(key, v -> v.isIntegralNumber() && v.canConvertToInt(), "an integer").intValue();
  }

  int integer(String key, int fallback) {
    return has(key) ? integer(key) : fallback;
  }

  String text(String key) {
    return typed(key, JsonNode::isTextual, "a string").textValue();
  }

  boolean bool(String key) {
    return typed(key, JsonNode::isBoolean, "true or false").booleanValue();
  }

  double[] numbers(String key) {
    JsonNode value = typed(key, JsonNode::isArray, "an array of numbers");
    double[] out = new double[value.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = toDouble(key + "[" + k + "]", value.get(k));
    }
    return out;
  }

  /** An object of numbers, in file order. */
  /** The map under key, or an empty one when the key is absent (fields added after a file was written). */
  Map<String, Double> numberMap(String key, boolean optional) {
    return optional && !has(key) ? Map.of() : numberMap(key);
  }

  Map<String, Double> numberMap(String key) {
    JsonNode value = object(key).node;
    Map<String, Double> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      out.put(entry.getKey(), toDouble(key + "." + entry.getKey(), entry.getValue()));
    }
    return out;
  }

  private JsonNode typed(String key, Predicate<JsonNode> valid, String expected) {
    JsonNode value = node(key);
    if (!valid.test(value)) {
      throw error("'" + key + "' must be " + expected + ", got " + describe(value));
    }
    return value;
  }

  /** Jackson writes non-finite doubles as the strings "NaN", "Infinity", "-Infinity". */
  private double toDouble(String key, JsonNode value) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      switch (value.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw error("'" + key + "' must be a number, got " + describe(value));
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
