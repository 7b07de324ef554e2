package org.rankcf.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sweep folder shaped like the paper's quick preset: arms compared in pairs (each base arm against its
 * "+sr" warm-start arm), seeds and learning rates, with results.json marking the selected learning rate
 * of each arm and seed, and stats.json holding the comparisons. Curves are deterministic in arm, seed and
 * rate; each arm sits a little above the one before, and the "+sr" arms climb faster.
 */
final class StudyFixture {
  static final List<Double> RATES = List.of(0.1, 0.01);

  private StudyFixture() {}

  /** Writes the sweep into root: every base arm and its "+sr" arm, each over the seeds and the rates. */
  static Path write(Path root, List<String> baseArms, List<Long> seeds, List<Double> rates, int epochs)
      throws IOException {
    return write(root, List.of(), baseArms, seeds, rates, epochs);
  }

  /**
   * As {@link #write(Path, List, List, List, int)}, over several data sets (the data.path axis, part of each
   * arm's name as the sweep writes it) when {@code dataSets} is not empty; each data set sits 0.1 higher.
   */
  static Path write(Path root, List<String> dataSets, List<String> baseArms, List<Long> seeds, List<Double> rates,
      int epochs) throws IOException {
    ArrayNode results = SyntheticRun.JSON.createArrayNode();
    ObjectNode stats = SyntheticRun.JSON.createObjectNode();
    ArrayNode comparisons = stats.putArray("comparisons");
    int index = 0;
    List<String> data = dataSets.isEmpty() ? java.util.Collections.singletonList(null) : dataSets;
    for (int d = 0; d < data.size(); d++) {
      String suffix = data.get(d) == null ? "" : " data.path=" + data.get(d);
      int armIndex = 0;
      for (String base : baseArms) {
        for (String variant : List.of(base, base + "+sr")) {
          String arm = variant + suffix;
          double level = 0.2 + 0.1 * d + 0.005 * armIndex++;
          boolean warm = variant.endsWith("+sr");
          for (long seed : seeds) {
            for (int r = 0; r < rates.size(); r++) {
              String folder = String.format("r%03d-%s-seed%d-lr%s", index++, variant, seed, rates.get(r));
              double[] ndcg = new double[epochs];
              for (int e = 0; e < epochs; e++) {
                double speed = warm ? 0.5 : 0.25;
                ndcg[e] = (level + 0.01 * (seed % 7) - 0.02 * r) * (1 - Math.exp(-speed * (e + 1)));
              }
              SyntheticRun run = new SyntheticRun().name("paper-quick/" + folder).seed(seed).ndcg(ndcg);
              (warm ? run.warm(2) : run).writeInto(root, folder);
              ObjectNode row = results.addObject().put("run", folder).put("variant", variant).put("arm", arm)
                  .put("seed", seed);
              if (data.get(d) != null) {
                row.put("data.path", data.get(d));
              }
              row.put("train.optimizer.lr", rates.get(r)).put("selected", r == 0)
                  .put("test_ndcg@20", 0.9 * ndcg[epochs - 1]);
            }
          }
        }
        compare(comparisons, base + suffix, base + "+sr" + suffix, seeds.size());
      }
    }
    Files.writeString(root.resolve(RunReader.RESULTS), SyntheticRun.JSON.writeValueAsString(results));
    Files.writeString(root.resolve(RunReader.STATS), SyntheticRun.JSON.writeValueAsString(stats));
    return root;
  }

  private static void compare(ArrayNode comparisons, String baseline, String treatment, int seeds) {
    comparisons.addObject().put("baseline", baseline).put("treatment", treatment).put("paired_seeds", seeds)
        .put("test_ndcg@20_change_pct", 1.234).put("test_ndcg@20_ttest_p_over_seeds", 0.0123)
        .put("test_ndcg@20_ttest_p_over_users", 0.5).put("test_recall@20_change_pct", -0.5)
        .put("test_recall@20_ttest_p_over_seeds", 0.2).put("test_recall@20_ttest_p_over_users", 4.0e-5)
        .put("seconds_to_best_reduction_pct", -10.0).put("seconds_to_95pct_of_baseline_best_reduction_pct", 42.0);
  }

  /** Two data sets by two rates: bpr with and without "+sr", three seeds, 24 runs. */
  static Path twoDataSets(Path root) throws IOException {
    return write(root, List.of("../shared/data/gowalla", "builtin:lastfm"), List.of("bpr"), List.of(123L, 246L, 492L),
        RATES, 30);
  }

  /** The quick preset's shape: bpr and directau, each with "+sr", three seeds, two rates, 24 runs. */
  static Path quick(Path root) throws IOException {
    return write(root, List.of("bpr", "directau"), List.of(123L, 246L, 492L), RATES, 40);
  }
}
