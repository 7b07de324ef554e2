package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.config.Yaml;
import org.rankcf.framework.model.graph.LightGcnConfig;
import org.rankcf.framework.model.graph.XSimGclConfig;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.testing.DataPaths;
import org.rankcf.losses.AdvInfoNceLoss;
import org.rankcf.losses.BilateralSoftmaxLoss;
import org.rankcf.losses.GuidedRecLoss;
import org.rankcf.losses.LlpaucLoss;
import org.rankcf.losses.PairwiseSoftmaxLoss;
import org.rankcf.losses.SoftmaxAtKLoss;
import org.rankcf.losses.SoftmaxLoss;

/**
 * The LightGCN and XSimGCL presets of configs/irb (LOSSES.md §R7, docs/irb.md): each loads with the whole
 * protocol, its backbone as §B2/§B3 set it, the initialisation of §B5 and the published hyper-parameters of
 * its Health row; and each trains through the CLI on Health for an epoch with fewer negatives.
 */
class IrbGraphPresetsTest {
  private static final DiscoveredPlugins PLUGINS = DiscoveredPlugins.load();
  /** A quarter above the recall@20 of a random ranking of Health's 1,200 items. */
  private static final double CHANCE_FLOOR = 1.25 * 20.0 / 1200;
  /** The losses whose passes or state go beyond scoring pairs (§L4-§L8), and SL as the plain case. */
  private static final List<String> TRAINED = List.of("sl", "advinfonce", "llpauc", "slatk", "guidedrec");

  /** §B2: 2 layers, the mean of layers 0..2. */
  private static final LightGcnConfig LIGHTGCN = new LightGcnConfig(2, null);
  /** §B3: 3 layers (the mean of 1..3), eps 0.1, tau_cl 0.1, lambda_cl 0.2 ([PSL], §U6), contrasting layer 1. */
  private static final XSimGclConfig XSIMGCL = new XSimGclConfig(3, null, 0.1, 0.1, 0.2, 1);

  /** A preset's published row: its loss with the loss's config record, and lr and wd. */
  record Row(String model, String loss, Record lossConfig, double lr, double weightDecay) {}

  /** Every graph preset with its row of LOSSES.md §R7 (PSL once per activation, as the MF presets). */
  static final Map<String, Row> PRESETS = presets();

  private static Map<String, Row> presets() {
    Map<String, Row> rows = new TreeMap<>();
    for (String model : List.of("lightgcn", "xsimgcl")) {
      boolean x = model.equals("xsimgcl");
      add(rows, model, "bpr", "bpr", NoConfig.INSTANCE, x ? 1e-1 : 1e-3, 1e-6);
      add(rows, model, "guidedrec", "guidedrec", new GuidedRecLoss.Config(9), x ? 1e-3 : 1e-2, x ? 1e-6 : 0);
      add(rows, model, "llpauc", "llpauc", new LlpaucLoss.Config(x ? 0.1 : 0.7, 0.1), 1e-1, 0);
      add(rows, model, "sl", "sl", new SoftmaxLoss.Config(0.2), 1e-1, 0);
      add(rows, model, "advinfonce", "advinfonce", new AdvInfoNceLoss.Config(0.2, 64, 5e-5, 5), 1e-1, 0);
      add(rows, model, "bsl", "bsl", new BilateralSoftmaxLoss.Config(0.05, 0.2), 1e-1, 0);
      for (String activation : List.of("tanh", "atan", "relu")) {
        add(rows, model, "psl-" + activation, "psl", new PairwiseSoftmaxLoss.Config(activation, 0.1), 1e-1, 0);
      }
      add(rows, model, "slatk20", "slatk", new SoftmaxAtKLoss.Config(20, 0.2, x ? 1.5 : 2.5, 20), 1e-2, 0);
    }
    return rows;
  }

  private static void add(Map<String, Row> rows, String model, String suffix, String loss, Record config, double lr,
      double weightDecay) {
    rows.put("health-" + model + "-" + suffix + ".yaml", new Row(model, loss, config, lr, weightDecay));
  }

  static Stream<String> presetFiles() {
    return PRESETS.keySet().stream();
  }

  static Stream<String> trainedPresetFiles() {
    return presetFiles().filter(file -> TRAINED.contains(PRESETS.get(file).loss()));
  }

  @ParameterizedTest
  @MethodSource("presetFiles")
  void presetLoadsWithTheProtocolTheBackboneAndThePublishedHyperParameters(String file) {
    Row row = PRESETS.get(file);
    assertThat(PLUGINS.registry().losses()).as(file).containsKey(row.loss());
    assertThat(PLUGINS.registry().models()).as(file).containsKey(row.model());
    RunConfig config = new ConfigLoader(PLUGINS.registry()).load(IrbPresetsTest.FOLDER.resolve(file), List.of());
    boolean bpr = row.loss().equals("bpr");
    boolean llpauc = row.loss().equals("llpauc");
    boolean guidedrec = row.loss().equals("guidedrec");
    boolean xsimgcl = row.model().equals("xsimgcl");
    IrbPresetsTest.assertIrbProtocol(config, "amazon2014-health", bpr ? 1 : guidedrec ? 9 : 1000);

    assertThat(config.name()).isEqualTo(file.replace(".yaml", ""));
    assertThat(config.model().name()).isEqualTo(row.model());
    assertThat(config.model().config()).isEqualTo(xsimgcl ? XSIMGCL : LIGHTGCN);
    assertThat(config.dim()).isEqualTo(64);
    // §B5: BPR Xavier-normal, LLPAUC N(0, 0.01^2), otherwise XSimGCL Xavier-uniform and LightGCN N(0, 1);
    // every loss but BPR on cosines (§0.1, §U4)
    String init = bpr ? "xavier-normal" : llpauc ? "normal" : xsimgcl ? "xavier-uniform" : "normal";
    assertThat(config.init().kind()).isEqualTo(init);
    if (init.equals("normal")) {
      assertThat(config.init().std()).isEqualTo(llpauc ? 0.01 : 1.0);
    }
    assertThat(config.normalize()).isEqualTo(!bpr);

    assertThat(config.tune().loss().name()).isEqualTo(row.loss());
    assertThat(config.tune().loss().config()).isEqualTo(row.lossConfig());
    assertThat(config.tune().regularizers()).isEmpty();
    assertThat(config.warmStart()).isNull();
    JsonNode optimizer = config.resolved().get("train").get("optimizer");
    assertThat(optimizer.get("lr").asDouble()).isEqualTo(row.lr());
    assertThat(optimizer.get("weight-decay").asDouble()).isEqualTo(row.weightDecay());
  }

  /**
   * One epoch on Health through the CLI, with 16 negatives where the preset has 1,000 (GuidedRec keeps its 9),
   * SL@20's quantile updated every epoch and AdvInfoNCE's second epoch adversarial, so that the extra passes,
   * parameters and state of these losses run on the graph backbones' outputs (BPR, BSL and PSL only score
   * pairs, as SL does). The loss is finite and the test ranking better than chance.
   */
  @ParameterizedTest
  @MethodSource("trainedPresetFiles")
  void presetTrainsOnHealth(String file, @TempDir Path out) throws IOException {
    Row row = PRESETS.get(file);
    int epochs = row.loss().equals("advinfonce") ? 2 : 1;
    List<String> overrides = new ArrayList<>(List.of(
        "data.path=" + DataPaths.sharedData("amazon2014-health"), "train.epochs=" + epochs,
        "train.validate-every=1"));
    if (!row.loss().equals("guidedrec")) {
      overrides.add("train.sampler.negatives=16");
    }
    if (row.loss().equals("slatk")) {
      overrides.add("train.loss.quantile-interval=1");
    }
    if (row.loss().equals("advinfonce")) {
      overrides.add("train.loss.adversarial-every=2");
    }
    Path run = IrbPresetsTest.train(out, file, overrides.toArray(String[]::new));
    List<String> trajectory = Files.readAllLines(run.resolve("trajectory.jsonl"));
    assertThat(trajectory).hasSize(epochs);
    for (String line : trajectory) {
      assertThat(Yaml.JSON.readTree(line).get("loss").asDouble()).as(file).isFinite();
    }
    JsonNode metrics = Yaml.JSON.readTree(run.resolve("metrics.json").toFile());
    // chance is about 20 / 1,200 items
    assertThat(metrics.get("test").get("recall@20").asDouble()).as(file).isGreaterThan(CHANCE_FLOOR);
  }
}
