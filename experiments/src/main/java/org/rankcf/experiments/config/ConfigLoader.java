package org.rankcf.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.optim.OptimizersModule;
import org.rankcf.framework.train.ModelSelection;
import org.rankcf.framework.train.PairSampling;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * Reads a run config from YAML into a {@link RunConfig}, validating every key once, at load. The layout
 * (all keys but data.path optional):
 *
 * <pre>
 * name: gowalla-mf-bpr        seed: 2020        threads: 2
 * data:  {path: ../shared/data/gowalla, split: given, ...}          (datasets' DatasetSpec)
 * model: {name: mf, dim: 64, init: normal, init-std: 1.0, normalize: false, ...}   (rest: the model's record)
 * train:
 *   epochs: 500   batch-size: 16384   patience: 5   min-epochs: 0   metric: ndcg@20   pairs: all
 *   validate-every: 1   select-ties: earlier   early-stopping: true      (ModelSelection)
 *   loss: bpr                              (a name, or {name: ssm, temperature: 0.5})
 *   regularizers: [{name: l2, weight: 1e-4}]
 *   sampler: {name: uniform, negatives: 1}
 *   optimizer: {lr: 0.01, weight-decay: 1e-6}   # adam; or {name: sgd, lr: 0.1, momentum: 0.9, nesterov: true}
 *   warm-start: {epochs: 5, switch: epochs, patience: 3, loss: alignment, regularizers: [{name: stable-rank, weight: 1}]}
 * eval: {ks: [10, 20, 50], metrics: [recall, ndcg, ...], validation-metrics: [ndcg@20]}   (EvalSpec)
 * </pre>
 *
 * <p>Keys added after run fingerprints existed ({@link #LATER_DEFAULTS}) enter the resolved config only when
 * set away from their default, so the fingerprints of runs made before them stay valid.
 */
public final class ConfigLoader {
  /** Resolved-config paths of later keys and their defaults: left out of the record while at the default. */
  private static final Map<String, JsonNode> LATER_DEFAULTS = Map.of(
      "data.carve", TextNode.valueOf("pairs"),
      "model.normalize", BooleanNode.FALSE,
      "train.validate-every", IntNode.valueOf(1),
      "train.select-ties", TextNode.valueOf("earlier"),
      "train.early-stopping", BooleanNode.TRUE,
      "train.sampler.replacement", BooleanNode.TRUE,
      "eval.mask-validation-at-test", BooleanNode.TRUE);

  private final PluginRegistry registry;

  public ConfigLoader(PluginRegistry registry) {
    this.registry = registry;
  }

  /** Loads a file, applying {@code key=value} overrides (YAML values, dotted keys) first. */
  public RunConfig load(Path file, List<String> overrides) {
    JsonNode tree = Yaml.read(file);
    if (!tree.isObject()) {
      throw new ConfigException("(top level)", file + " must hold a mapping of keys to values");
    }
    for (String override : overrides) {
      apply((ObjectNode) tree, override);
    }
    return load(tree, defaultName(file));
  }

  /** Sets a dotted key of a config tree from {@code key=value}, the value read as YAML. */
  public static void apply(ObjectNode tree, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException(override, "an override must look like key.path=value");
    }
    JsonNode value;
    try {
      value = Yaml.YAML.readTree(override.substring(eq + 1));
    } catch (JsonProcessingException e) {
      value = TextNode.valueOf(override.substring(eq + 1));
    }
    if (value == null || value.isMissingNode()) {
      value = JsonNodeFactory.instance.nullNode();
    }
    set(tree, override.substring(0, eq).trim(), value);
  }

  /** Sets a dotted key of a config tree, creating the sections on the way. */
  public static void set(ObjectNode tree, String dottedKey, JsonNode value) {
    String[] keys = dottedKey.split("\\.");
    ObjectNode node = tree;
    for (int k = 0; k < keys.length - 1; k++) {
      JsonNode next = node.get(keys[k]);
      if (next == null || !next.isObject()) {
        next = node.putObject(keys[k]);
      }
      node = (ObjectNode) next;
    }
    node.set(keys[keys.length - 1], value);
  }

  public RunConfig load(JsonNode tree, String defaultName) {
    ConfigNode root = new ConfigNode(tree, "");
    String name = root.string("name", defaultName);
    long seed = root.longValue("seed", 2024);
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = Check.threads("threads", root.integer("threads", cores), cores);
    JsonNode dataNode = root.raw("data");
    if (dataNode != null && dataNode.isObject() && !dataNode.has("seed")) {
      // a split without its own seed follows the run's, so a sweep over seeds also resamples the split
      dataNode = ((ObjectNode) dataNode).deepCopy().put("seed", seed);
    }
    DatasetSpec data = RecordBinder.bind(DatasetSpec.class, DatasetSpec.DEFAULTS, dataNode, "data");

    ConfigNode model = root.child("model");
    String modelName = model.string("name", "mf");
    int dim = Check.atLeast("model.dim", model.integer("dim", 64), 1);
    Check.fitsInArray("model.dim", dim, dim); // the spectrum's dim x dim Gram matrix
    Initializer init;
    try {
      init = new Initializer(model.string("init", "normal"), model.number("init-std", 1.0));
    } catch (ConfigException e) {
      throw e.within("model");
    }
    boolean normalize = model.bool("normalize", false);
    var modelPlugin = BoundPlugin.bind(modelName, registry.model(modelName, model.key("name")), model.remainder(), "model");

    ConfigNode train = root.child("train");
    int epochs = Check.atLeast("train.epochs", train.integer("epochs", 500), 1);
    int batchSize = Check.atLeast("train.batch-size", train.integer("batch-size", 16384), 1);
    int patience = Check.atLeast("train.patience", train.integer("patience", 5), 1);
    int minEpochs = Check.atLeast("train.min-epochs", train.integer("min-epochs", 0), 0);
    PairSampling pairs = PairSampling.of("train.pairs", train.string("pairs", PairSampling.ALL.key()));
    String metric = train.string("metric", "ndcg@20");
    ModelSelection selection;
    try {
      selection = new ModelSelection(train.integer("validate-every", 1), ties(train), train.bool("early-stopping", true));
    } catch (ConfigException e) {
      throw e.within("train");
    }
    PhaseSpec tune = phase(train, "train");
    ConfigNode samplerNode = sectionOrName(train, "sampler", "uniform");
    String samplerName = samplerNode.string("name", "uniform");
    int negatives = Check.atLeast(samplerNode.key("negatives"), samplerNode.integer("negatives", 1), 0);
    Check.fitsInArray("train.batch-size", batchSize, negatives + 1L);
    ObjectNode samplerParams = samplerNode.remainder();
    samplerParams.put("negatives", negatives);
    var sampler = BoundPlugin.bind(samplerName, registry.sampler(samplerName, samplerNode.key("name")), samplerParams,
        samplerNode.path());
    ConfigNode optimizerNode = sectionOrName(train, "optimizer", OptimizersModule.DEFAULT);
    String optimizerName = optimizerNode.string("name", OptimizersModule.DEFAULT);
    var optimizer = BoundPlugin.bind(optimizerName, registry.optimizer(optimizerName, optimizerNode.key("name")),
        optimizerNode.remainder(), optimizerNode.path());
    WarmStartSpec warm = null;
    if (train.has("warm-start")) {
      ConfigNode node = train.child("warm-start");
      int warmEpochs = Check.atLeast(node.key("epochs"), node.integer("epochs", 5), 0);
      String rule = node.string("switch", "epochs");
      if (!rule.equals("epochs") && !rule.equals("plateau")) {
        throw new ConfigException(node.key("switch"), "must be epochs or plateau (got '" + rule + "')");
      }
      int warmPatience = Check.atLeast(node.key("patience"), node.integer("patience", patience), 1);
      PhaseSpec phase = node.has("loss") ? phase(node, node.path()) : new PhaseSpec(tune.loss(), regularizers(node));
      node.finish();
      warm = new WarmStartSpec(warmEpochs, rule.equals("plateau"), warmPatience, phase);
    }
    train.finish();

    EvalSpec eval = EvalSpec.read(root.child("eval"), metric, registry);
    model.finish();
    root.finish();

    ObjectNode resolved = (ObjectNode) tree.deepCopy();
    resolved.put("name", name).put("seed", seed).put("threads", threads);
    resolved.set("data", Yaml.JSON.valueToTree(data));
    ObjectNode modelOut = resolved.putObject("model");
    modelOut.put("name", modelName).put("dim", dim).put("init", init.kind()).put("init-std", init.std())
        .put("normalize", normalize);
    modelOut.setAll((ObjectNode) Yaml.JSON.valueToTree(modelPlugin.config()));
    ObjectNode trainOut = (ObjectNode) resolved.get("train");
    if (trainOut == null) {
      trainOut = resolved.putObject("train");
    }
    trainOut.put("epochs", epochs).put("batch-size", batchSize).put("patience", patience).put("min-epochs", minEpochs)
        .put("pairs", pairs.key()).put("metric", metric).put("validate-every", selection.validateEvery())
        .put("select-ties", selection.tiesToLater() ? "later" : "earlier").put("early-stopping", selection.earlyStopping());
    trainOut.set("optimizer", describe(optimizer));
    trainOut.set("loss", describe(tune.loss()));
    ObjectNode samplerOut = describe(sampler);
    trainOut.set("sampler", samplerOut);
    eval.describe(resolved.putObject("eval"));
    LATER_DEFAULTS.forEach((path, value) -> dropIfDefault(resolved, path, value));
    return new RunConfig(name, seed, threads, data, modelPlugin, dim, init, normalize, epochs, batchSize, patience,
        minEpochs, pairs, metric, selection, tune, warm, sampler, negatives, optimizer, eval, resolved);
  }

  /** train.select-ties: which of two epochs with the same selection score is kept. */
  private static boolean ties(ConfigNode train) {
    String ties = train.string("select-ties", "earlier");
    if (!ties.equals("earlier") && !ties.equals("later")) {
      throw new ConfigException("select-ties", "must be earlier or later (got '" + ties + "')");
    }
    return ties.equals("later");
  }

  private static void dropIfDefault(ObjectNode resolved, String path, JsonNode value) {
    int dot = path.lastIndexOf('.');
    JsonNode section = resolved.at("/" + path.substring(0, dot).replace('.', '/'));
    String key = path.substring(dot + 1);
    if (section instanceof ObjectNode node && value.equals(node.get(key))) {
      node.remove(key);
    }
  }

  private PhaseSpec phase(ConfigNode section, String path) {
    ConfigNode lossNode = sectionOrName(section, "loss", "bpr");
    String lossName = lossNode.string("name", "bpr");
    BoundPlugin<Loss> loss = BoundPlugin.bind(lossName, registry.loss(lossName, lossNode.key("name")),
        lossNode.remainder(), lossNode.path());
    return new PhaseSpec(loss, regularizers(section));
  }

  private List<PhaseSpec.WeightedSpec> regularizers(ConfigNode section) {
    List<PhaseSpec.WeightedSpec> out = new ArrayList<>();
    List<JsonNode> entries = section.list("regularizers");
    for (int r = 0; r < entries.size(); r++) {
      JsonNode entry = entries.get(r);
      String path = section.key("regularizers") + "[" + r + "]";
      ConfigNode node = entry.isTextual() ? nameOnly(entry.asText(), path) : new ConfigNode(entry, path);
      String name = node.string("name", null);
      if (name == null) {
        throw new ConfigException(node.key("name"), "is required");
      }
      double weight = Check.nonNegative(node.key("weight"), node.number("weight", 1.0));
      BoundPlugin<Regularizer> reg = BoundPlugin.bind(name, registry.regularizer(name, node.key("name")),
          node.remainder(), path);
      out.add(new PhaseSpec.WeightedSpec(reg, weight));
    }
    return out;
  }

  /** A key that is either a plug-in name or a mapping with a name and parameters. */
  private static ConfigNode sectionOrName(ConfigNode parent, String key, String fallback) {
    JsonNode raw = parent.raw(key);
    if (raw == null || raw.isNull()) {
      return nameOnly(fallback, parent.key(key));
    }
    if (raw.isTextual()) {
      return nameOnly(raw.asText(), parent.key(key));
    }
    return new ConfigNode(raw, parent.key(key));
  }

  private static ConfigNode nameOnly(String name, String path) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name);
    return new ConfigNode(node, path);
  }

  private static ObjectNode describe(BoundPlugin<?> plugin) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", plugin.name());
    node.setAll((ObjectNode) Yaml.JSON.valueToTree(plugin.config()));
    return node;
  }

  private static String defaultName(Path file) {
    String base = file.getFileName().toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}
