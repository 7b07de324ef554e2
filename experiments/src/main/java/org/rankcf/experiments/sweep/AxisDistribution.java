package org.rankcf.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rankcf.framework.util.ConfigException;

/**
 * A random-search axis: values drawn from a distribution instead of listed. In a sweep file:
 * {@code {uniform: [lo, hi]}}, {@code {log-uniform: [lo, hi]}} (lo > 0), {@code {integer: [lo, hi]}} (both
 * ends included) or {@code {choice: [a, b, ...]}}. Real values are rounded to {@link #DIGITS} significant
 * digits, so that the run's folder name shows the exact value its config holds.
 */
public record AxisDistribution(Kind kind, double low, double high, List<JsonNode> choices) {
  static final int DIGITS = 3;

  /** The distribution families. */
  public enum Kind {
    UNIFORM("uniform"), LOG_UNIFORM("log-uniform"), INTEGER("integer"), CHOICE("choice");

    final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  /** Whether an axis node is a distribution (a one-key mapping) rather than a list of values. */
  static boolean describes(JsonNode node) {
    return node.isObject();
  }

  /** Parses {@code {kind: [...]}} for the axis at {@code key}. */
  static AxisDistribution parse(String key, JsonNode node) {
    if (node.size() != 1) {
      throw new ConfigException(key, "a distribution is one of {uniform: [lo, hi]}, {log-uniform: [lo, hi]}, "
          + "{integer: [lo, hi]}, {choice: [values]} (got " + node + ")");
    }
    String name = node.fieldNames().next();
    JsonNode args = node.get(name);
    for (Kind kind : Kind.values()) {
      if (kind.key.equals(name)) {
        return kind == Kind.CHOICE ? choice(key, args) : range(key, kind, args);
      }
    }
    throw new ConfigException(key + "." + name, "unknown distribution; use uniform, log-uniform, integer or choice");
  }

  private static AxisDistribution choice(String key, JsonNode args) {
    if (!args.isArray() || args.isEmpty()) {
      throw new ConfigException(key + ".choice", "must be a non-empty list of values");
    }
    List<JsonNode> values = new ArrayList<>();
    args.forEach(values::add);
    return new AxisDistribution(Kind.CHOICE, 0, 0, values);
  }

  private static AxisDistribution range(String key, Kind kind, JsonNode args) {
    String at = key + "." + kind.key;
    if (!args.isArray() || args.size() != 2 || !args.get(0).isNumber() || !args.get(1).isNumber()) {
      throw new ConfigException(at, "must be [low, high] (got " + args + ")");
    }
    if (kind == Kind.INTEGER && !(args.get(0).isIntegralNumber() && args.get(1).isIntegralNumber())) {
      throw new ConfigException(at, "must be two integers (got " + args + ")");
    }
    double low = args.get(0).doubleValue();
    double high = args.get(1).doubleValue();
    if (!(low <= high)) {
      throw new ConfigException(at, "low must not exceed high (got " + args + ")");
    }
    if (kind == Kind.LOG_UNIFORM && !(low > 0)) {
      throw new ConfigException(at, "low must be > 0 (got " + args + ")");
    }
    return new AxisDistribution(kind, low, high, List.of());
  }

  /** One value; consumes exactly one draw of {@code random}, whatever the kind, so axes do not shift each other. */
  JsonNode draw(SplittableRandom random) {
    double u = random.nextDouble();
    return switch (kind) {
      case UNIFORM -> DoubleNode.valueOf(round(low + u * (high - low)));
      case LOG_UNIFORM -> DoubleNode.valueOf(round(Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))));
      case INTEGER -> IntNode.valueOf((int) Math.min(high, Math.floor(low + u * (high - low + 1))));
      case CHOICE -> choices.get(Math.min(choices.size() - 1, (int) (u * choices.size())));
    };
  }

  /** Rounded, and kept inside [low, high] where rounding crossed an end. */
  private double round(double value) {
    double rounded = new BigDecimal(value).round(new MathContext(DIGITS)).doubleValue();
    return Math.max(low, Math.min(high, rounded));
  }
}
