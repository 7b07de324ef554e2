package org.rankcf.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rankcf.framework.util.ConfigException;

/**
 * One section of a YAML config, read key by key with defaults; every error names the dotted key. After
 * reading, {@link #finish()} rejects keys nobody asked for (typos must not pass silently).
 */
public final class ConfigNode {
  private final ObjectNode node;
  private final String path;
  private final Set<String> known = new LinkedHashSet<>();

  public ConfigNode(JsonNode node, String path) {
    if (node != null && !node.isNull() && !node.isObject()) {
      throw new ConfigException(path.isEmpty() ? "(top level)" : path, "must be a mapping of keys to values");
    }
    this.node = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) node;
    this.path = path;
  }

  public String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public boolean has(String name) {
    known.add(name);
    return node.hasNonNull(name);
  }

  public JsonNode raw(String name) {
    known.add(name);
    return node.get(name);
  }

  public ConfigNode child(String name) {
    return new ConfigNode(raw(name), key(name));
  }

  public String string(String name, String fallback) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isValueNode() || value.isBoolean()) {
      throw new ConfigException(key(name), "must be a string (got " + value + ")");
    }
    return value.asText();
  }

  public int integer(String name, int fallback) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ConfigException(key(name), "must be an integer (got " + value + ")");
    }
    return value.intValue();
  }

  public long longValue(String name, long fallback) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new ConfigException(key(name), "must be an integer (got " + value + ")");
    }
    return value.longValue();
  }

  public double number(String name, double fallback) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isNumber()) {
      throw new ConfigException(key(name), "must be a number (got " + value + ")");
    }
    return value.doubleValue();
  }

  public boolean bool(String name, boolean fallback) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new ConfigException(key(name), "must be true or false (got " + value + ")");
    }
    return value.booleanValue();
  }

  public List<Integer> integers(String name, List<Integer> fallback) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isArray()) {
      throw new ConfigException(key(name), "must be a list of integers (got " + value + ")");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isIntegralNumber() || !element.canConvertToInt()) {
        throw new ConfigException(key(name), "must be a list of integers (got " + element + ")");
      }
      out.add(element.intValue());
    }
    return out;
  }

  /** The elements of a list-valued key as sections named key[0], key[1], ... */
  public List<JsonNode> list(String name) {
    JsonNode value = raw(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ConfigException(key(name), "must be a list (got " + value + ")");
    }
    List<JsonNode> out = new ArrayList<>();
    value.forEach(out::add);
    return out;
  }

  /**
   * This section minus the keys already read: the rest belongs to a plug-in's own record, which checks it,
   * so the keys count as read from here on.
   */
  public ObjectNode remainder() {
    ObjectNode rest = node.deepCopy();
    rest.remove(known);
    rest.fieldNames().forEachRemaining(known::add);
    return rest;
  }

  /** Fails on a key that was never read. */
  public void finish() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(key(name), "unknown key; known keys here: " + String.join(", ", known));
      }
    }
  }

  public String path() {
    return path;
  }
}
