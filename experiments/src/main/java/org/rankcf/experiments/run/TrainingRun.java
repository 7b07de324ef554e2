package org.rankcf.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.evaluation.EvaluationResult;
import org.rankcf.evaluation.FullRankingEvaluator;
import org.rankcf.evaluation.Stage;
import org.rankcf.experiments.config.PhaseSpec;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.optim.Adam;
import org.rankcf.framework.plugin.PluginContext;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Sampler;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.Phase;
import org.rankcf.framework.train.Schedule;
import org.rankcf.framework.train.Trainer;
import org.rankcf.framework.train.TrainerConfig;
import org.rankcf.framework.train.TrainingListener;
import org.rankcf.framework.train.TrainingResult;
import org.rankcf.framework.train.WeightedRegularizer;
import org.rankcf.framework.util.Parallel;

/**
 * One training run from a validated config to a committed run folder: load and split the data, build the
 * plug-ins, train with per-epoch records, evaluate the best epoch on test, write manifest.json,
 * trajectory.jsonl and metrics.json.
 */
public final class TrainingRun {
  private final RunConfig config;
  private final Path repositoryRoot;
  private final Path dataRoot;
  private final List<TrainingListener> extraListeners = new ArrayList<>();

  /**
   * @param repositoryRoot relative data paths resolve against it
   * @param dataRoot when not null, the folder holding the data sets (a config's data path is then looked up
   *     by its last name component in it)
   */
  public TrainingRun(RunConfig config, Path repositoryRoot, Path dataRoot) {
    this.config = config;
    this.repositoryRoot = repositoryRoot;
    this.dataRoot = dataRoot;
  }

  public void addListener(TrainingListener listener) {
    extraListeners.add(listener);
  }

  /** Trains and writes the run into {@code outputParent}; returns the committed folder. */
  public RunOutcome execute(Path outputParent) {
    try (Parallel parallel = new Parallel(config.threads());
        RunDirectory run = RunDirectory.create(outputParent, config.name())) {
      long loadStart = System.nanoTime();
      SplitData split = DatasetLoader.load(dataSpec(), repositoryRoot);
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

      PluginContext context = new PluginContext(split, config.dim(), config.init(), config.seed(), parallel);
      Model model = config.model().create(context);
      Sampler sampler = config.sampler().create(context);
      Schedule schedule = schedule(context);
      FullRankingEvaluator evaluator = new FullRankingEvaluator(config.ks(), parallel);
      Adam adam = new Adam(config.optimizer(), model.parameters());
      TrainerConfig trainerConfig = new TrainerConfig(config.epochs(), config.batchSize(), config.negatives(),
          config.patience(), config.metric(), config.seed());
      Trainer trainer = new Trainer(trainerConfig, schedule, model,
          sampler, adam, m -> evaluator.evaluate(m.users(), m.items(), split, Stage.VALIDATION).metrics(),
          split.train(), parallel);

      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("name", config.name());
      manifest.put("seed", config.seed());
      manifest.put("config", config.resolved());
      manifest.put("data", dataDescription(split, loadSeconds));
      manifest.put("environment", Environment.describe(repositoryRoot));
      run.writeJson("manifest.json", manifest);

      trainer.addListener(new TrajectoryWriter(run));
      extraListeners.forEach(trainer::addListener);
      TrainingResult result = trainer.fit();

      EvaluationResult test = evaluator.evaluate(model.users(), model.items(), split, Stage.TEST);
      EpochRecord best = result.epochs().get(result.bestEpoch());
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("best_epoch", result.bestEpoch());
      metrics.put("epochs_run", result.epochs().size());
      metrics.put("stop_reason", result.stopReason());
      metrics.put("switch_epoch", result.switchEpoch());
      metrics.put("selection_metric", config.metric());
      metrics.put("selected_on_test", split.selectsOnTest());
      metrics.put("validation", result.bestValidation());
      metrics.put("test", test.metrics());
      metrics.put("test_users", test.usersEvaluated());
      metrics.put("user_stable_rank", best.userStableRank());
      metrics.put("item_stable_rank", best.itemStableRank());
      metrics.put("train_seconds", result.epochs().stream().mapToDouble(EpochRecord::trainSeconds).sum());
      metrics.put("eval_seconds", result.epochs().stream().mapToDouble(EpochRecord::evalSeconds).sum());
      metrics.put("seconds_to_best", best.elapsedSeconds());
      run.writeJson("metrics.json", metrics);
      Path committed = run.commit();
      return new RunOutcome(committed, result, test.metrics());
    }
  }

  private org.rankcf.datasets.DatasetSpec dataSpec() {
    if (dataRoot == null || config.data().path().startsWith("builtin:")) {
      return config.data();
    }
    Path name = Path.of(config.data().path()).getFileName();
    return config.data().withPath(dataRoot.resolve(name).toString());
  }

  private Schedule schedule(PluginContext context) {
    Phase tune = phase("tune", config.tune(), context);
    if (config.warmStart() == null) {
      return Schedule.tuneOnly(tune);
    }
    Phase warm = phase("warm", config.warmStart().phase(), context);
    return new Schedule(warm, tune, config.warmStart().epochs(), config.warmStart().switchOnPlateau(),
        config.warmStart().patience());
  }

  private static Phase phase(String name, PhaseSpec spec, PluginContext context) {
    List<WeightedRegularizer> regs = new ArrayList<>();
    for (PhaseSpec.WeightedSpec reg : spec.regularizers()) {
      regs.add(new WeightedRegularizer(reg.regularizer().name(), reg.regularizer().create(context), reg.weight()));
    }
    return new Phase(name, spec.loss().name(), spec.loss().create(context), regs);
  }

  private static Map<String, Object> dataDescription(SplitData split, double loadSeconds) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", split.name());
    data.put("protocol", split.protocol());
    data.put("users", split.numUsers());
    data.put("items", split.numItems());
    data.put("train_pairs", split.train().size());
    data.put("validation_pairs", split.validation().size());
    data.put("test_pairs", split.test().size());
    data.put("selects_on_test", split.selectsOnTest());
    data.put("split_hash", split.hash());
    data.put("load_seconds", loadSeconds);
    return data;
  }

  /** The committed folder, the training result and the best epoch's test metrics. */
  public record RunOutcome(Path directory, TrainingResult result, Map<String, Double> test) {}
}
