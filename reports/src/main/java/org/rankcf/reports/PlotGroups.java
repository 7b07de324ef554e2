package org.rankcf.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which arms share a panel of curves: each pair compared in stats.json; else each warm-start run's arm with
 * its baseline's; else the arms with the best mean validation metric, at most {@link #MAX_ARMS} in one panel
 * (more lines than colours cannot be told apart).
 */
final class PlotGroups {
  static final int MAX_ARMS = Figures.PALETTE.length;

  private PlotGroups() {}

  static List<List<Arm>> of(List<Arm> arms, List<List<Arm>> compared, List<RunPair> pairs, String metric) {
    if (!compared.isEmpty()) {
      return compared;
    }
    List<List<Arm>> groups = new ArrayList<>();
    for (RunPair pair : pairs) {
      armOf(arms, pair.baseline()).flatMap(b -> armOf(arms, pair.warm()).map(w -> List.of(b, w)))
          .filter(group -> !groups.contains(group)).ifPresent(groups::add);
    }
    if (!groups.isEmpty()) {
      return groups;
    }
    Comparator<Arm> byValidation = Comparator.comparingDouble(a -> a.runs().stream()
        .mapToDouble(r -> r.best().validation().getOrDefault(metric, Double.NaN)).filter(Double::isFinite).average()
        .orElse(Double.NEGATIVE_INFINITY));
    return List.of(arms.stream().sorted(byValidation.reversed()).limit(MAX_ARMS).toList());
  }

  /** The arm holding the run; none for a run a sweep did not select. */
  private static Optional<Arm> armOf(List<Arm> arms, RunRecord run) {
    return arms.stream().filter(a -> a.runs().contains(run)).findFirst();
  }
}
