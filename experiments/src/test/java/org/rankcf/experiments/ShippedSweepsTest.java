package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.sweep.SweepPlan;
import org.rankcf.experiments.sweep.SweepSpec;
import org.rankcf.framework.plugin.DiscoveredPlugins;

/** The sweep files shipped for studies and searches: each planned run is a valid run config. */
class ShippedSweepsTest {
  private static final DiscoveredPlugins PLUGINS = DiscoveredPlugins.load();

  private static List<Path> sweeps(String folder) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("configs", folder))) {
      // the search folder's base files are run configs, not sweeps
      return files.filter(f -> !f.getFileName().toString().contains("base")).sorted().toList();
    }
  }

  private static Map<String, RunConfig> loadEveryRun(Path file) {
    SweepSpec spec = SweepSpec.load(file);
    ConfigLoader loader = new ConfigLoader(PLUGINS.registry());
    Map<String, RunConfig> runs = new TreeMap<>();
    for (SweepPlan.PlannedRun run : SweepPlan.expand(spec)) {
      runs.put(run.name(), loader.load(run.config(), run.name()));
    }
    return runs;
  }

  @Test
  void everyStudySearchAndPaperSweepPlansValidRuns() throws IOException {
    for (String folder : List.of("studies", "search", "paper")) {
      List<Path> files = sweeps(folder);
      assertThat(files).as(folder).isNotEmpty();
      files.forEach(file -> assertThat(loadEveryRun(file)).as(file.toString()).isNotEmpty());
    }
  }

  /** Four arms (two losses, each without and with the warm start) x four negative counts x three seeds. */
  @Test
  void theFewNegativesStudyPairsEachLossWithItsWarmStartedTwinAtEveryN() {
    assertEveryArmHasThreeSeeds(List.of("few-negatives-health.yaml"), "amazon2014-health");
  }

  /** The food half is split in two files (N = 1000 runs take 20 minutes each) that together plan the same arms. */
  @Test
  void theFoodHalfOfTheStudyPlansTheSameArmsOverItsTwoFiles() {
    assertEveryArmHasThreeSeeds(List.of("few-negatives-food.yaml", "few-negatives-food-n1000.yaml"), "food");
  }

  private static void assertEveryArmHasThreeSeeds(List<String> files, String dataSet) {
    Map<String, Integer> perArm = new TreeMap<>();
    int total = 0;
    for (String name : files) {
      Path file = Path.of("configs", "studies", name);
      assertThat(SweepSpec.load(file).compare()).containsExactly(List.of("sl", "sl+sr"), List.of("psl", "psl+sr"));
      Map<String, RunConfig> runs = loadEveryRun(file);
      total += runs.size();
      runs.values().forEach(run -> {
        String loss = run.tune().loss().name();
        String arm = loss + (run.warmStart() == null ? "" : "+sr") + " N=" + run.negatives();
        perArm.merge(arm, 1, Integer::sum);
        assertThat(run.data().path()).endsWith(dataSet);
        assertThat(loss).isIn("sl", "psl");
        assertThat(run.epochs()).isEqualTo(200);
        assertThat(run.normalize()).isTrue();
        if (run.warmStart() != null) {
          assertThat(run.warmStart().epochs()).isEqualTo(5);
        }
      });
    }
    assertThat(total).isEqualTo(48);
    assertThat(perArm).hasSize(16).allSatisfy((arm, seeds) -> assertThat(seeds).as(arm).isEqualTo(3));
    assertThat(perArm).containsKeys("sl N=1", "sl+sr N=1000", "psl N=4", "psl+sr N=16");
  }
}
