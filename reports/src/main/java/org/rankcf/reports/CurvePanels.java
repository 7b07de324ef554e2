package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.reports.Facets.Panel;

/**
 * What each panel of a group's curves draws. Without small multiples, a group's arms with their selected
 * runs; with them, the arms become lines (the arm without its faceted axes) and each panel draws, per line,
 * the runs of its panel ({@link Facets#runsByLineAndPanel}).
 */
final class CurvePanels {
  private final Facets facets;
  private final Map<String, String> lineOfArm = new LinkedHashMap<>();
  private final Map<String, Map<Panel, List<RunRecord>>> runs;

  CurvePanels(RunSet set, List<Arm> arms, Facets facets) {
    this.facets = facets;
    if (facets.isNone()) {
      runs = new LinkedHashMap<>();
      arms.forEach(arm -> {
        lineOfArm.put(arm.name(), arm.name());
        runs.put(arm.name(), Map.of(facets.panels().get(0), arm.runs()));
      });
    } else {
      runs = facets.runsByLineAndPanel(set);
      set.results().filter(JsonNode::isArray).ifPresent(rows -> rows.forEach(row -> {
        if (row.hasNonNull("arm")) {
          lineOfArm.putIfAbsent(row.path("arm").asText(), facets.lineOf(row));
        }
      }));
      arms.forEach(arm -> lineOfArm.putIfAbsent(arm.name(), arm.name()));
    }
  }

  Facets facets() {
    return facets;
  }

  /** The groups of arms as groups of lines, each group once (arms that differ only in a faceted axis merge). */
  List<List<String>> lineGroups(List<List<Arm>> groups) {
    List<List<String>> out = new ArrayList<>();
    for (List<Arm> group : groups) {
      List<String> lines = group.stream().map(arm -> lineOfArm.get(arm.name())).distinct().toList();
      if (!out.contains(lines)) {
        out.add(lines);
      }
    }
    return out;
  }

  /** Per panel of the facets, the lines of the group that have runs there, each as an arm of those runs. */
  List<List<Arm>> panels(List<String> lines) {
    List<List<Arm>> out = new ArrayList<>();
    for (Panel panel : facets.panels()) {
      List<Arm> arms = new ArrayList<>();
      for (String line : lines) {
        List<RunRecord> inPanel = runs.getOrDefault(line, Map.of()).getOrDefault(panel, List.of());
        if (!inPanel.isEmpty()) {
          arms.add(new Arm(line, inPanel));
        }
      }
      out.add(arms);
    }
    return out;
  }
}
