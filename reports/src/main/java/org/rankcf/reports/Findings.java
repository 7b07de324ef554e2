package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's first screen: what was run, then one row per arm with its selected configuration, test
 * metrics as mean +- sample std over seeds, and for a compared arm the change against its baseline, the
 * paired t-test p-values over seeds and over users (stats.json) and the time-to-target speed-ups.
 */
final class Findings {
  static final double ALPHA = 0.05;

  private final RunSet set;
  private final List<Arm> arms;
  private final List<String> headline;

  Findings(RunSet set, List<Arm> arms) {
    this.set = set;
    this.arms = arms;
    Set<String> metrics = new LinkedHashSet<>();
    metrics.add(set.selectionMetric());
    if (set.runs().get(0).metrics().test().containsKey("recall@20")) {
      metrics.add("recall@20");
    }
    metrics.retainAll(set.runs().get(0).metrics().test().keySet());
    this.headline = List.copyOf(metrics);
  }

  /** Whether stats.json compares arms, so the table has changes, p-values and speed-ups to show. */
  boolean compares() {
    return !comparisons().isEmpty();
  }

  /** The compared pairs of stats.json, baseline first, that name arms of this report. */
  List<List<Arm>> comparedPairs() {
    List<List<Arm>> pairs = new ArrayList<>();
    comparisons().forEach(c -> arm(c.path("baseline").asText()).ifPresent(b -> arm(c.path("treatment").asText())
        .ifPresent(t -> pairs.add(List.of(b, t)))));
    return pairs;
  }

  void appendSummaryTo(StringBuilder html) {
    List<JsonNode> data = set.runs().stream().map(r -> r.manifest().path("data")).toList();
    TreeSet<String> seeds = new TreeSet<>();
    set.runs().forEach(r -> seeds.add(r.manifest().path("seed").asText("?")));
    html.append("<p class=\"lead\">").append(Html.data(data)).append(" · <b>").append(set.runs().size()).append(set.runs().size() == 1 ? " run" : " runs").append("</b> · <b>Arms</b> ")
        .append(Html.escape(String.join(", ", arms.stream().map(Arm::name).toList()))).append(" · <b>Seeds</b> ")
        .append(Html.escape(String.join(", ", seeds))).append(" · <b>Selection</b> best validation ")
        .append(Html.escape(set.selectionMetric()));
    List<String> axes = selectedAxes();
    if (!axes.isEmpty()) {
      html.append(" over ").append(Html.escape(String.join(", ", axes))).append(" per arm and seed");
    }
    html.append(".</p>\n");
  }

  /** The comparison table; cells escaped, p-values below {@link #ALPHA} bold with a star. */
  void appendTableTo(StringBuilder html) {
    List<String> headers = new ArrayList<>(List.of("arm", "selected config", "seeds"));
    headline.forEach(m -> headers.add("test " + m + " (mean ± std)"));
    boolean compared = compares();
    if (compared) {
      headline.forEach(m -> headers.addAll(List.of("Δ " + m, "p seeds", "p users")));
      headers.addAll(List.of("time to target", "time to best"));
    }
    html.append("<table id=\"findings\" class=\"data\">\n<thead><tr>");
    headers.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (Arm arm : arms) {
      html.append("<tr><td>").append(Html.escape(arm.name())).append("</td><td>")
          .append(Html.escape(selectedConfig(arm))).append("</td><td>").append(arm.runs().size()).append("</td>");
      for (String m : headline) {
        double[] values = arm.runs().stream().mapToDouble(r -> r.metrics().test().getOrDefault(m, Double.NaN)).toArray();
        html.append("<td>").append(Html.fixed(mean(values), 4))
            .append(values.length > 1 ? " ± " + Html.fixed(std(values), 4) : "").append("</td>");
      }
      if (!compared) {
        html.append("</tr>\n");
        continue;
      }
      Optional<JsonNode> comparison = comparisons().stream()
          .filter(c -> c.path("treatment").asText().equals(arm.name())).findFirst();
      for (String m : headline) {
        String key = "test_" + m;
        html.append(comparison.map(c -> "<td>" + signed(c.path(key + "_change_pct")) + "</td>"
            + pValue(c.path(key + "_ttest_p_over_seeds")) + pValue(c.path(key + "_ttest_p_over_users")))
            .orElse(baselineCells(arm)));
      }
      html.append(comparison.map(c -> "<td>" + reduction(c, false) + "</td><td>"
          + reduction(c, true) + "</td>").orElse("<td></td><td></td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private String baselineCells(Arm arm) {
    boolean isBaseline = comparisons().stream().anyMatch(c -> c.path("baseline").asText().equals(arm.name()));
    return "<td>" + (isBaseline ? "baseline" : "") + "</td><td></td><td></td>";
  }

  /** A stats.json reduction as "x% less" or "x% more" time: seconds to best, or to the target when not. */
  private static String reduction(JsonNode comparison, boolean toBest) {
    for (Iterator<Map.Entry<String, JsonNode>> it = comparison.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.startsWith("seconds_to_") && key.endsWith("_reduction_pct") && field.getValue().isNumber()
          && key.startsWith("seconds_to_best_") == toBest) {
        double r = field.getValue().asDouble();
        return String.format(Locale.ROOT, "%.1f%% ", Math.abs(r)) + (r >= 0 ? "less" : "more");
      }
    }
    return "";
  }

  private static String signed(JsonNode value) {
    return value.isNumber() ? String.format(Locale.ROOT, "%+.2f%%", value.asDouble()) : "";
  }

  private static String pValue(JsonNode value) {
    if (!value.isNumber()) {
      return "<td></td>";
    }
    double p = value.asDouble();
    String text = p < 1e-3 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    return p < ALPHA ? "<td class=\"sig\"><b>" + text + "*</b></td>" : "<td>" + text + "</td>";
  }

  /** The swept keys (dotted config paths) of results.json, in the order they appear. */
  private List<String> selectedAxes() {
    Set<String> axes = new LinkedHashSet<>();
    set.results().filter(JsonNode::isArray).ifPresent(rows -> rows.forEach(row -> row.fieldNames()
        .forEachRemaining(k -> {
          if (k.contains(".")) {
            axes.add(k);
          }
        })));
    return List.copyOf(axes);
  }

  /** The swept values of an arm's selected runs, "key value" per axis, distinct values joined by "/". */
  private String selectedConfig(Arm arm) {
    List<String> parts = new ArrayList<>();
    for (String axis : selectedAxes()) {
      Set<String> values = new LinkedHashSet<>();
      set.results().ifPresent(rows -> rows.forEach(row -> {
        if (row.path("selected").asBoolean(false) && row.path("arm").asText().equals(arm.name())
            && row.has(axis)) {
          values.add(row.get(axis).asText());
        }
      }));
      if (!values.isEmpty()) {
        parts.add(axis.substring(axis.lastIndexOf('.') + 1) + " " + String.join("/", values));
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private List<JsonNode> comparisons() {
    List<JsonNode> out = new ArrayList<>();
    set.stats().map(s -> s.path("comparisons")).filter(JsonNode::isArray).ifPresent(c -> c.forEach(out::add));
    return out;
  }

  private Optional<Arm> arm(String name) {
    return arms.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Sample standard deviation (n - 1); NaN for one value. */
  static double std(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double m = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - m) * (v - m);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
