package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.sweep.StatsTables;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.schema.ResultsRow;
import org.rankcf.reports.schema.ResultsTable;

/** The Markdown tables of a hand-made sweep folder: selected runs per arm, and one comparison. */
class StatsTablesTest {
  @TempDir
  Path sweep;

  private static ResultsRow row(String run, String arm, int seed, double lr, boolean selected, int best, double ndcg,
      double recall, double seconds) {
    Map<String, JsonNode> axes = new LinkedHashMap<>();
    axes.put("seed", JsonNodeFactory.instance.numberNode(seed));
    axes.put("train.optimizer.lr", JsonNodeFactory.instance.numberNode(lr));
    Map<String, Double> test = new LinkedHashMap<>();
    test.put("ndcg@20", ndcg);
    test.put("recall@20", recall);
    return new ResultsRow(run, arm, arm, axes, selected, "done", best, best + 5, -1, "ndcg@20", ndcg, test, seconds, best,
        seconds, 10.0, 12.0);
  }

  @Test
  void armsShowTheSelectedRunsAndComparisonsTheTests() throws IOException {
    Files.writeString(sweep.resolve("results.json"), ResultsTable.json(List.of(
        row("a", "bpr", 1, 0.01, true, 9, 0.20, 0.30, 10),
        row("b", "bpr", 1, 0.1, false, 2, 0.10, 0.10, 2),
        row("c", "bpr", 2, 0.1, true, 19, 0.22, 0.34, 20),
        row("d", "bpr+sr", 1, 0.01, true, 4, 0.21, 0.31, 5),
        row("e", "bpr+sr", 2, 0.01, true, 4, 0.23, 0.35, 5))));
    Files.writeString(sweep.resolve("stats.json"), "{\"comparisons\":[{\"baseline\":\"bpr\",\"treatment\":\"bpr+sr\","
        + "\"paired_seeds\":2,\"test_ndcg@20_change_pct\":4.76,\"test_ndcg@20_ttest_p_over_seeds\":0.01,"
        + "\"test_ndcg@20_wilcoxon_p_over_seeds\":0.5,\"test_ndcg@20_ttest_p_over_users\":0,"
        + "\"test_ndcg@20_wilcoxon_p_over_users\":0.00001,\"test_recall@20_change_pct\":3.1,"
        + "\"test_recall@20_ttest_p_over_seeds\":0.2,\"epochs_to_best_reduction_pct\":66.7,"
        + "\"seconds_to_best_reduction_pct\":50.0,\"seconds_to_95pct_of_baseline_best_reduction_pct\":50.0,"
        + "\"seeds_reaching_95pct_of_baseline_best\":2}]}");
    String tables = StatsTables.of(sweep, "ndcg@20", "recall@20").markdown();
    // bpr: seeds 1 and 2 selected lr 0.01 and 0.1; mean 0.21, sample std 0.0141; 10 and 20 epochs to best
    assertThat(tables).contains("| bpr | 2 | lr 0.01 / 0.1 | 0.2100 +- 0.0141 | 0.3200 +- 0.0283 | 15.0 | 15.0 |");
    assertThat(tables).contains("| bpr+sr | 2 | lr 0.01 | 0.2200 +- 0.0141 | 0.3300 +- 0.0283 | 5.0 | 5.0 |");
    assertThat(tables).contains("| bpr+sr vs bpr | +4.8% | **0.0100** / 0.5000 | **< 1e-300** / **1.0e-05** | +3.1% "
        + "| 0.2000 | 15.0 -> 5.0 (-66.7%) | 15 -> 5 (-66.7%) | -50.0% (2 of 2 seeds) |");
  }

  @Test
  void timesToBestAreMeansOverTheSeedsBothArmsHave() throws IOException {
    Files.writeString(sweep.resolve("results.json"), ResultsTable.json(List.of(
        row("a", "bpr", 1, 0.01, true, 9, 0.20, 0.30, 10),
        row("c", "bpr", 2, 0.1, true, 19, 0.22, 0.34, 20),
        row("d", "bpr+sr", 1, 0.01, true, 11, 0.21, 0.31, 12))));
    Files.writeString(sweep.resolve("stats.json"), "{\"comparisons\":[{\"baseline\":\"bpr\",\"treatment\":\"bpr+sr\","
        + "\"paired_seeds\":1,\"seeds_reaching_95pct_of_baseline_best\":0}]}");
    // only seed 1 is paired: 10 -> 12 epochs and 10 -> 12 seconds, not bpr's two-seed mean of 15
    assertThat(StatsTables.of(sweep, "ndcg@20", "recall@20").comparisons())
        .contains("| 10.0 -> 12.0 (+20.0%) | 10 -> 12 (+20.0%) | - (0 of 1 seeds) |");
  }

  @Test
  void aFolderWithoutResultsIsAOneLineError() {
    assertThatThrownBy(() -> StatsTables.of(sweep, "ndcg@20", "recall@20"))
        .isInstanceOf(UserInputException.class).hasMessageContaining("results.json").hasMessageContaining("finished sweep");
  }
}
