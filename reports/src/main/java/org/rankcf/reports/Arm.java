package org.rankcf.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one arm of a study, one per seed: a sweep's selected runs of a variant (results.json names
 * the arm and marks the selected configuration), or a single run as its own arm.
 */
public record Arm(String name, List<RunRecord> runs) {
  public Arm {
    runs = List.copyOf(runs);
  }

  /** The arms in first-seen order: selected runs by results.json's arm, else each run alone under its label. */
  static List<Arm> of(RunSet set) {
    Map<String, List<RunRecord>> byArm = new LinkedHashMap<>();
    set.results().filter(r -> r.isArray()).ifPresent(rows -> rows.forEach(row -> {
      if (row.path("selected").asBoolean(true) && row.hasNonNull("arm")) {
        set.runs().stream().filter(r -> r.directory().getFileName().toString().equals(row.path("run").asText()))
            .findFirst().ifPresent(run -> byArm.computeIfAbsent(row.path("arm").asText(), a -> new ArrayList<>())
                .add(run));
      }
    }));
    if (byArm.isEmpty()) {
      set.runs().forEach(run -> byArm.computeIfAbsent(run.label(), a -> new ArrayList<>()).add(run));
    }
    List<Arm> arms = new ArrayList<>();
    byArm.forEach((name, runs) -> arms.add(new Arm(name, runs)));
    return arms;
  }
}
