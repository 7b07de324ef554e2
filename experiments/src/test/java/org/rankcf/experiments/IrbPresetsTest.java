package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.cli.RankcfCli;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.experiments.sweep.SweepSpec;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.train.ModelSelection;

/**
 * The IR-Benchmark presets of configs/irb (docs/irb.md): every one is the full protocol with its published
 * hyper-parameters, and the BPR preset trains through the CLI. A preset whose loss is not registered in this
 * build is skipped, but the list of presets and of their losses is fixed here, so that once every loss is
 * merged all of them load.
 */
class IrbPresetsTest {
  static final Path FOLDER = Path.of("configs", "irb");
  private static final DiscoveredPlugins PLUGINS = DiscoveredPlugins.load();

  /** Every preset and its loss; the hyper-parameters are checked against LOSSES.md §R1 and §R4 below. */
  private static final Map<String, String> PRESETS = new TreeMap<>(Map.of(
      "health-mf-bpr.yaml", "bpr", "health-mf-sl.yaml", "sl", "health-mf-bsl.yaml", "bsl",
      "health-mf-psl-tanh.yaml", "psl", "health-mf-psl-atan.yaml", "psl", "health-mf-psl-relu.yaml", "psl",
      "health-mf-advinfonce.yaml", "advinfonce", "health-mf-llpauc.yaml", "llpauc",
      "health-mf-slatk20.yaml", "slatk", "food-mf-slatk20.yaml", "slatk"));

  @Test
  void theFolderHoldsExactlyTheListedPresetsAndASweepForEach() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      Set<String> names = new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
      Set<String> expected = allPresets();
      allPresets().forEach(preset -> expected.add("sweep-" + preset));
      assertThat(names).isEqualTo(expected);
    }
    assertThat(new TreeSet<>(PRESETS.values()))
        .containsExactly("advinfonce", "bpr", "bsl", "llpauc", "psl", "sl", "slatk");
  }

  /** This test's MF presets and IrbGraphPresetsTest's LightGCN and XSimGCL presets. */
  private static Set<String> allPresets() {
    Set<String> presets = new TreeSet<>(PRESETS.keySet());
    presets.addAll(IrbGraphPresetsTest.PRESETS.keySet());
    return presets;
  }

  @Test
  void everyPresetWhoseLossIsRegisteredLoadsWithTheWholeProtocol() {
    List<String> loaded = new ArrayList<>();
    PRESETS.forEach((file, loss) -> {
      Path path = FOLDER.resolve(file);
      assertThat(lossName(path)).as(file).isEqualTo(loss);
      if (!PLUGINS.registry().losses().containsKey(loss)) {
        return;
      }
      RunConfig config = new ConfigLoader(PLUGINS.registry()).load(path, List.of());
      assertProtocol(config, file);
      loaded.add(file);
    });
    // bpr is registered on every branch: at least its preset must have loaded
    assertThat(loaded).contains("health-mf-bpr.yaml");
    assertThat(loaded).hasSize((int) PRESETS.values().stream().filter(PLUGINS.registry().losses()::containsKey).count());
  }

  private static void assertProtocol(RunConfig config, String file) {
    boolean bpr = file.equals("health-mf-bpr.yaml");
    boolean food = file.startsWith("food");
    assertIrbProtocol(config, food ? "food" : "amazon2014-health", bpr ? 1 : 1000);
    // BPR: dot product and Xavier-normal; LLPAUC: N(0, 0.01^2); the rest N(0, 1), all cosine (§B5, §U4)
    assertThat(config.normalize()).isEqualTo(!bpr);
    assertThat(config.init().kind()).isEqualTo(bpr ? "xavier-normal" : "normal");
    if (!bpr) {
      assertThat(config.init().std()).isEqualTo(file.contains("llpauc") ? 0.01 : 1.0);
    }
    JsonNode optimizer = config.resolved().get("train").get("optimizer");
    assertThat(optimizer.get("lr").asDouble()).isEqualTo(bpr ? 1e-3 : food ? 1e-2 : 1e-1);
    assertThat(optimizer.get("weight-decay").asDouble()).isEqualTo(bpr ? 1e-4 : 0);
  }

  /** The protocol of LOSSES.md §P that every preset of the folder sets, whatever its model and loss. */
  static void assertIrbProtocol(RunConfig config, String dataSet, int negatives) {
    assertThat(config.seed()).isEqualTo(2024);
    assertThat(config.data().path()).isEqualTo("../shared/data/" + dataSet);
    assertThat(config.data().carvesPerUser()).isTrue();
    assertThat(config.data().validation()).isEqualTo(0.1);
    assertThat(config.data().keepsUnseen()).isTrue();
    assertThat(config.epochs()).isEqualTo(200);
    assertThat(config.batchSize()).isEqualTo(1024);
    assertThat(config.selection()).isEqualTo(new ModelSelection(5, true, false));
    assertThat(config.metric()).isEqualTo("ndcg@20");
    assertThat(config.eval().maskValidationAtTest()).isFalse();
    assertThat(config.eval().metrics()).containsKeys("recall", "ndcg", "mrr_hits", "hit_ratio", "f1");
    assertThat(config.negatives()).isEqualTo(negatives);
    SamplerConfig sampler = (SamplerConfig) config.sampler().config();
    assertThat(sampler.rejectPositives()).isTrue();
    assertThat(sampler.replacement()).isTrue();
    assertThat(config.sampler().name()).isEqualTo("uniform");
  }

  private static String lossName(Path file) {
    JsonNode loss = Yaml.read(file).get("train").get("loss");
    return loss.isTextual() ? loss.asText() : loss.get("name").asText();
  }

  @Test
  void eachSweepRepeatsItsPresetsRowOverFiveSeeds() {
    allPresets().forEach(preset -> {
      SweepSpec sweep = SweepSpec.load(FOLDER.resolve("sweep-" + preset));
      assertThat(sweep.base().get("name").asText()).isEqualTo(preset.replace(".yaml", ""));
      assertThat(sweep.axes()).containsOnlyKeys("seed");
      assertThat(sweep.axes().get("seed")).extracting(JsonNode::asLong)
          .containsExactly(2024L, 2025L, 2026L, 2027L, 2028L);
      assertThat(sweep.seedKey()).isEqualTo("seed");
    });
  }

  /** The BPR preset's protocol on the bundled data, three epochs: validation only after the last. */
  @Test
  void theBprPresetTrainsThroughTheCli(@TempDir Path out) throws IOException {
    Path run = trainBprOnLastfm(out, "train.epochs=3");
    List<String> trajectory = Files.readAllLines(run.resolve("trajectory.jsonl"));
    assertThat(trajectory).hasSize(3);
    assertThat(Yaml.JSON.readTree(trajectory.get(0)).get("validation").size()).isZero();
    assertThat(Yaml.JSON.readTree(trajectory.get(2)).get("validation").get("ndcg@20").asDouble()).isPositive();
    JsonNode metrics = Yaml.JSON.readTree(run.resolve("metrics.json").toFile());
    assertThat(metrics.get("best_epoch").asInt()).isEqualTo(2);
    assertThat(metrics.get("test").get("mrr_hits@20").asDouble()).isPositive();
    assertThat(metrics.get("test").get("hit_ratio@20").asDouble()).isPositive();
    JsonNode manifest = Yaml.JSON.readTree(run.resolve("manifest.json").toFile());
    assertThat(manifest.get("data").get("protocol").asText()).startsWith("given(seed=2024,validation=0.1,carve=per-user)");
    assertThat(manifest.get("config").get("eval").get("mask-validation-at-test").asBoolean()).isFalse();
  }

  /** Cosine outputs with distinct negatives: the loss falls and the test metrics beat chance. */
  @Test
  void normalisedOutputsAndDistinctNegativesTrain(@TempDir Path out) throws IOException {
    Path run = trainBprOnLastfm(out, "train.epochs=3", "model.normalize=true", "train.sampler.replacement=false",
        "train.sampler.negatives=8", "train.validate-every=1", "train.optimizer.lr=0.01");
    List<String> trajectory = Files.readAllLines(run.resolve("trajectory.jsonl"));
    double first = Yaml.JSON.readTree(trajectory.get(0)).get("loss").asDouble();
    double last = Yaml.JSON.readTree(trajectory.get(2)).get("loss").asDouble();
    assertThat(last).isLessThan(first);
    JsonNode metrics = Yaml.JSON.readTree(run.resolve("metrics.json").toFile());
    // chance is about 20 / 4,489 items
    assertThat(metrics.get("test").get("recall@20").asDouble()).isGreaterThan(0.03);
  }

  private static Path trainBprOnLastfm(Path out, String... overrides) {
    List<String> onLastfm = new ArrayList<>(List.of("data.path=builtin:lastfm"));
    onLastfm.addAll(List.of(overrides));
    return train(out, "health-mf-bpr.yaml", onLastfm.toArray(String[]::new));
  }

  /** Trains {@code preset} of the folder through the CLI with the overrides; returns the run folder. */
  static Path train(Path out, String preset, String... overrides) {
    List<String> args = new ArrayList<>(List.of("train", FOLDER.resolve(preset).toString(),
        "--out", out.toString()));
    for (String override : overrides) {
      args.add("--set");
      args.add(override);
    }
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = RankcfCli.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
    return Path.of(stdout.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow());
  }
}
