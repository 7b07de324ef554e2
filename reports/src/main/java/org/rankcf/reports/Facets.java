package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The small multiples of a sweep: the data-set, model and learning-rate axes of results.json that take
 * several values each give the panels (one per combination), so that a figure shows one panel per value
 * side by side instead of one panel with every line. Axes are taken in that order while the panels stay at
 * most {@link #MAX_PANELS}; an axis left out is selected over as the sweep selects (per line and seed, the
 * run with the best validation metric).
 *
 * @param keys the faceted axes (dotted config keys), outermost first
 * @param panels every combination of their values, in the order the sweep ran them
 */
record Facets(List<String> keys, List<Panel> panels) {
  static final List<String> AXES = List.of("data.path", "model.name", "train.optimizer.lr");
  static final int MAX_PANELS = 8;
  private static final Facets NONE = new Facets(List.of(), List.of(new Panel(Map.of())));

  Facets {
    keys = List.copyOf(keys);
    panels = List.copyOf(panels);
  }

  /**
   * One panel: a value of every faceted axis, as results.json writes it.
   *
   * @param values faceted key to its value's text
   */
  record Panel(Map<String, String> values) {
    Panel {
      values = Map.copyOf(values);
    }

    /** "lr 0.01 · mf": each value after the last part of its key; data paths by their folder name. */
    String label(List<String> keys) {
      List<String> parts = new ArrayList<>();
      for (String key : keys) {
        String value = values.get(key);
        parts.add(key.equals("data.path") ? value.substring(value.replaceAll("[/\\\\]+$", "").lastIndexOf('/') + 1)
            .replace("builtin:", "") : key.substring(key.lastIndexOf('.') + 1) + " " + value);
      }
      return String.join(" · ", parts);
    }
  }

  /** No small multiples: a single panel holding every run. */
  static Facets none() {
    return NONE;
  }

  /** The facets of a sweep's results.json; {@link #none()} for a single run or a sweep without such axes. */
  static Facets of(RunSet set) {
    List<JsonNode> rows = rows(set);
    List<String> keys = new ArrayList<>();
    long panels = 1;
    for (String axis : AXES) {
      Set<String> values = new LinkedHashSet<>();
      rows.forEach(row -> Optional.ofNullable(row.get(axis)).ifPresent(v -> values.add(text(v))));
      if (values.size() > 1 && panels * values.size() <= MAX_PANELS) {
        keys.add(axis);
        panels *= values.size();
      }
    }
    if (keys.isEmpty()) {
      return NONE;
    }
    Set<Panel> combinations = new LinkedHashSet<>();
    rows.forEach(row -> combinations.add(panelOf(row, keys)));
    // outermost axis first, then the next, each in the order of first appearance
    List<Panel> ordered = new ArrayList<>(combinations);
    for (int k = keys.size() - 1; k >= 0; k--) {
      String key = keys.get(k);
      List<String> order = combinations.stream().map(p -> p.values().get(key)).distinct().toList();
      ordered.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.values().get(key))));
    }
    return new Facets(keys, ordered);
  }

  /** What the panels vary, for captions: "data set and learning rate". */
  String describe() {
    return String.join(" and ", keys.stream().map(k -> switch (k) {
      case "data.path" -> "data set";
      case "model.name" -> "model";
      case "train.optimizer.lr" -> "learning rate";
      default -> k;
    }).toList());
  }

  boolean isNone() {
    return keys.isEmpty();
  }

  /** Panels per row of the grid: the values of the inner axes, so that each row holds one value of the outer. */
  int columns() {
    return keys.size() < 2 ? panels.size() : panels.size() / (int) panels.stream()
        .map(p -> p.values().get(keys.get(0))).distinct().count();
  }

  Panel panelOf(JsonNode row) {
    return panelOf(row, keys);
  }

  /**
   * The line a results.json row belongs to: its arm with the faceted axes taken out ("bpr data.path=x"
   * becomes "bpr" when data sets are panels), so that one line runs through every panel.
   */
  String lineOf(JsonNode row) {
    String arm = row.path("arm").asText(row.path("run").asText());
    for (String key : keys) {
      if (row.has(key)) {
        arm = arm.replace(" " + key + "=" + text(row.get(key)), "");
      }
    }
    return arm;
  }

  /**
   * For each line and panel, the runs drawn: per seed, the run of the line in the panel with the best
   * validation metric (the selection over the axes that are not panels).
   */
  Map<String, Map<Panel, List<RunRecord>>> runsByLineAndPanel(RunSet set) {
    Map<String, RunRecord> byFolder = new LinkedHashMap<>();
    set.runs().forEach(run -> byFolder.put(run.directory().getFileName().toString(), run));
    String metric = set.selectionMetric();
    Map<String, Map<Panel, Map<String, RunRecord>>> best = new LinkedHashMap<>();
    for (JsonNode row : rows(set)) {
      RunRecord run = byFolder.get(row.path("run").asText());
      if (run == null) {
        continue;
      }
      Map<String, RunRecord> seeds = best.computeIfAbsent(lineOf(row), l -> new LinkedHashMap<>())
          .computeIfAbsent(panelOf(row), p -> new LinkedHashMap<>());
      seeds.merge(row.path("seed").asText(), run, (a, b) -> validation(b, metric) > validation(a, metric) ? b : a);
    }
    Map<String, Map<Panel, List<RunRecord>>> out = new LinkedHashMap<>();
    best.forEach((line, panels) -> panels.forEach((panel, seeds) -> out.computeIfAbsent(line, l -> new LinkedHashMap<>())
        .put(panel, List.copyOf(seeds.values()))));
    return out;
  }

  private static double validation(RunRecord run, String metric) {
    double value = run.best().validation().getOrDefault(metric, Double.NaN);
    return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
  }

  private static Panel panelOf(JsonNode row, List<String> keys) {
    Map<String, String> values = new LinkedHashMap<>();
    keys.forEach(key -> values.put(key, row.has(key) ? text(row.get(key)) : "-"));
    return new Panel(values);
  }

  /** A value as the sweep writes it into an arm's name. */
  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static List<JsonNode> rows(RunSet set) {
    List<JsonNode> rows = new ArrayList<>();
    set.results().filter(JsonNode::isArray).ifPresent(r -> r.forEach(row -> {
      if (row.isObject()) {
        rows.add(row);
      }
    }));
    return rows;
  }
}
