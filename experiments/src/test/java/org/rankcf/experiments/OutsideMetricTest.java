package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.evaluation.EvaluationModule;
import org.rankcf.evaluation.EvaluationResult;
import org.rankcf.evaluation.FullRankingEvaluator;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.metric.LongTailShare;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.experiments.run.TrainingRun;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.plugin.FrameworkModule;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.Parallel;
import org.rankcf.losses.LossesModule;
import org.rankcf.regularizers.RegularizersModule;

/** A metric registered by its own Guice module, outside the evaluation module, reaches a run's record. */
class OutsideMetricTest {
  @TempDir
  Path dir;

  /** The module a user writes: one line per metric. */
  static final class TailModule extends AbstractModule {
    @Override
    protected void configure() {
      PluginBindings.metrics(binder()).addBinding("tail").toInstance(new LongTailShare(1));
    }
  }

  private static PluginRegistry registry() {
    return Guice.createInjector(new FrameworkModule(), new LossesModule(), new RegularizersModule(),
        new EvaluationModule(), new TailModule()).getInstance(PluginRegistry.class);
  }

  @Test
  void longTailShareByHand() {
    // items valued 0.9, 0.8, 0.7, 0.6 rank i0 i1 i2 i3; train degrees i0 2, i1 1, i2 0, i3 1
    EmbeddingTable items = new EmbeddingTable(4, 1, new float[] {0.9f, 0.8f, 0.7f, 0.6f});
    EmbeddingTable users = new EmbeddingTable(3, 1, new float[] {1, 1, 1});
    Interactions train = Interactions.fromPairs(3, 4, new int[] {0, 1, 1, 2}, new int[] {0, 0, 1, 3});
    Interactions targets = Interactions.fromPairs(3, 4, new int[] {0, 2}, new int[] {2, 1});
    FullRankingEvaluator evaluator = new FullRankingEvaluator(
        FullRankingEvaluator.columns(List.of("tail@2", "tail@3"), registry().metrics()), Kernels.path().tileScorer(),
        Parallel.serial());
    EvaluationResult result = evaluator.evaluate(users, items, targets, train);
    // user 0 (i0 masked): i1 i2 i3 -> top 2 both tail, top 3 all tail; user 2 (i3 masked): i0 i1 i2 -> 1/2, 2/3
    assertThat(result.perUser("tail@2")).containsExactly(1f, 0.5f);
    assertThat(result.metric("tail@3")).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
  }

  @Test
  void aRunReportsTheOutsideMetricInMetricsJsonAndItsTrajectoryOnlyWhatValidationAsks() throws IOException {
    Path data = TinyData.write(dir.resolve("tiny"));
    Files.writeString(dir.resolve("run.yaml"), TinyData.config(data, 3));
    RunConfig config = new ConfigLoader(registry()).load(dir.resolve("run.yaml"),
        List.of("eval.metrics=[recall, ndcg, tail]", "eval.validation-metrics=[ndcg@20, tail@5]"));

    Path run = new TrainingRun(config, dir, null).execute(dir.resolve("runs")).directory();

    JsonNode metrics = Yaml.JSON.readTree(run.resolve("metrics.json").toFile());
    List<String> keys = List.of("recall@5", "ndcg@5", "tail@5", "recall@20", "ndcg@20", "tail@20");
    assertThat(metrics.get("test").fieldNames()).toIterable().containsExactlyElementsOf(keys);
    assertThat(metrics.get("validation").fieldNames()).toIterable().containsExactlyElementsOf(keys);
    assertThat(metrics.get("test").get("tail@20").asDouble()).isBetween(0.0, 1.0);
    for (String line : Files.readAllLines(run.resolve("trajectory.jsonl"))) {
      JsonNode validation = Yaml.JSON.readTree(line).get("validation");
      assertThat(validation.fieldNames()).toIterable().containsExactly("ndcg@20", "tail@5");
    }
    // the selected epoch's full validation record agrees with what selection saw at that epoch
    int best = metrics.get("best_epoch").asInt();
    JsonNode atBest = Yaml.JSON.readTree(Files.readAllLines(run.resolve("trajectory.jsonl")).get(best)).get("validation");
    assertThat(metrics.get("validation").get("ndcg@20").asDouble()).isEqualTo(atBest.get("ndcg@20").asDouble());
    assertThat(metrics.get("validation").get("tail@5").asDouble()).isEqualTo(atBest.get("tail@5").asDouble());
  }
}
