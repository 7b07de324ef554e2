package org.rankcf.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.rankcf.framework.util.ConfigException;

/**
 * Builds a config record from a YAML section: the user's keys are laid over the record's defaults, then
 * the record's constructor validates. Errors name the dotted key.
 */
public final class RecordBinder {
  private RecordBinder() {}

  public static <C extends Record> C bind(Class<C> type, C defaults, JsonNode overrides, String path) {
    ObjectNode merged = Yaml.JSON.valueToTree(defaults);
    if (overrides != null && !overrides.isNull()) {
      if (!overrides.isObject()) {
        throw new ConfigException(path, "must be a mapping of keys to values (got " + overrides + ")");
      }
      Iterator<String> names = overrides.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!merged.has(name)) {
          List<String> known = new ArrayList<>();
          merged.fieldNames().forEachRemaining(known::add);
          throw new ConfigException(join(path, name),
              "unknown key; known keys here: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        }
        merged.set(name, overrides.get(name));
      }
    }
    try {
      return Yaml.JSON.treeToValue(merged, type);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof ConfigException config) {
        throw config.within(path);
      }
      throw new ConfigException(path, rootMessage(e));
    } catch (MismatchedInputException e) {
      String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      String got = e instanceof InvalidFormatException invalid ? " (got " + invalid.getValue() + ")" : "";
      throw new ConfigException(join(path, field), "has the wrong type, expected " + e.getTargetType().getSimpleName()
          .toLowerCase(java.util.Locale.ROOT) + got);
    } catch (JsonProcessingException e) {
      throw new ConfigException(path, rootMessage(e));
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
  }
}
