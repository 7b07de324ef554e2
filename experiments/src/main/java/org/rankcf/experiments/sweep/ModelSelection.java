package org.rankcf.experiments.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Model selection of a sweep: per arm and seed, the run with the best validation value over the
 * select-over axes; between equal values the run that trained more epochs (so a run a search pruned never
 * wins over a longer one it does not beat), then the first. A missing or NaN value loses to any other; a
 * null candidate (a run without metrics: failed or not run) takes no part.
 */
public final class ModelSelection {
  /** A run as selection sees it: its arm, its seed ("" without a seed axis), validation value and epochs run. */
  public record Candidate(String arm, String seed, double validation, int epochsRun) {}

  // arm -> seed -> index of the selected candidate; arms and seeds in the order of their selected runs
  private final Map<String, Map<String, Integer>> selected = new LinkedHashMap<>();
  private final Set<Integer> indices = new TreeSet<>();

  private ModelSelection(List<Candidate> candidates) {
    Map<List<String>, Integer> best = new LinkedHashMap<>();
    for (int r = 0; r < candidates.size(); r++) {
      Candidate candidate = candidates.get(r);
      if (candidate == null) {
        continue;
      }
      best.merge(List.of(candidate.arm(), candidate.seed()), r,
          (current, next) -> beats(candidates.get(next), candidates.get(current)) ? next : current);
    }
    indices.addAll(best.values());
    for (int r : indices) {
      Candidate candidate = candidates.get(r);
      selected.computeIfAbsent(candidate.arm(), a -> new LinkedHashMap<>()).put(candidate.seed(), r);
    }
  }

  /** Selects among {@code candidates}; a null entry is a run without metrics. */
  public static ModelSelection of(List<Candidate> candidates) {
    return new ModelSelection(candidates);
  }

  private static boolean beats(Candidate next, Candidate current) {
    return value(next) > value(current)
        || value(next) == value(current) && next.epochsRun() > current.epochsRun();
  }

  private static double value(Candidate candidate) {
    return Double.isNaN(candidate.validation()) ? Double.NEGATIVE_INFINITY : candidate.validation();
  }

  public boolean isSelected(int index) {
    return indices.contains(index);
  }

  /** Per arm, per seed, the index of the selected run. */
  public Map<String, Map<String, Integer>> byArmAndSeed() {
    return selected;
  }
}
