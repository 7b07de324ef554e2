package org.rankcf.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.evaluation.FullRankingEvaluator;
import org.rankcf.evaluation.Stage;
import org.rankcf.experiments.config.PhaseSpec;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.kernels.TileScorer;
import org.rankcf.framework.model.NormalizedOutputs;
import org.rankcf.framework.plugin.PluginContext;
import org.rankcf.framework.spi.Evaluator;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Sampler;
import org.rankcf.framework.train.Phase;
import org.rankcf.framework.train.PhaseKind;
import org.rankcf.framework.train.Schedule;
import org.rankcf.framework.train.Trainer;
import org.rankcf.framework.train.TrainerConfig;
import org.rankcf.framework.train.WeightedRegularizer;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.Parallel;

/**
 * Everything a run config turns into: the split, the model, sampler, phases, optimiser, evaluator and
 * trainer, created in one place for training runs and benchmarks alike.
 */
public final class Assembly {
  private final RunConfig config;
  private final SplitData split;
  private final double loadSeconds;
  private final Model model;
  private final Sampler sampler;
  private final Schedule schedule;
  private final Optimizer optimizer;
  private final FullRankingEvaluator evaluator;
  private final FullRankingEvaluator perEpochEvaluator;
  private final Parallel parallel;

  /**
   * @param repositoryRoot relative data paths resolve against it
   * @param dataRoot when not null, the folder holding the data sets: the config's data folder is looked up
   *     by its last name component in it
   */
  public Assembly(RunConfig config, Path repositoryRoot, Path dataRoot, Parallel parallel) {
    this.config = config;
    this.parallel = parallel;
    long start = System.nanoTime();
    this.split = DatasetLoader.load(dataSpec(config.data(), dataRoot), repositoryRoot);
    this.loadSeconds = (System.nanoTime() - start) / 1e9;
    Check.fitsInArray("model.dim", Math.max(split.numUsers(), split.numItems()), config.dim());
    PluginContext context = new PluginContext(split, config.dim(), config.init(), config.seed(), parallel);
    Model created = config.model().create(context);
    this.model = config.normalize() ? new NormalizedOutputs(created, parallel) : created;
    this.sampler = config.sampler().create(context);
    this.schedule = schedule(config, context);
    this.optimizer = config.optimizer().create(context).build(model.parameters());
    TileScorer scorer = Kernels.path().tileScorer();
    this.evaluator = new FullRankingEvaluator(
        FullRankingEvaluator.crossProduct(config.ks(), config.eval().metrics()), scorer, parallel);
    this.perEpochEvaluator = new FullRankingEvaluator(config.eval().validation(), scorer, parallel);
  }

  private static DatasetSpec dataSpec(DatasetSpec spec, Path dataRoot) {
    if (dataRoot == null || spec.path().startsWith("builtin:")) {
      return spec;
    }
    return spec.withPath(dataRoot.resolve(Path.of(spec.path()).getFileName()).toString());
  }

  private static Schedule schedule(RunConfig config, PluginContext context) {
    Phase tune = phase(PhaseKind.TUNE, config.tune(), context);
    if (config.warmStart() == null) {
      return Schedule.tuneOnly(tune);
    }
    Phase warm = phase(PhaseKind.WARM, config.warmStart().phase(), context);
    return new Schedule(warm, tune, config.warmStart().epochs(), config.warmStart().switchOnPlateau(),
        config.warmStart().patience());
  }

  private static Phase phase(PhaseKind kind, PhaseSpec spec, PluginContext context) {
    List<WeightedRegularizer> regs = new ArrayList<>();
    for (PhaseSpec.WeightedSpec reg : spec.regularizers()) {
      regs.add(new WeightedRegularizer(reg.regularizer().name(), reg.regularizer().create(context), reg.weight()));
    }
    return new Phase(kind, spec.loss().name(), spec.loss().create(context), regs);
  }

  /** The trainer of this run, selecting on the validation pairs. */
  public Trainer trainer() {
    return trainer(validationEvaluator(), config.epochs(), config.patience());
  }

  /** A trainer with another evaluator and budget (benchmarks). */
  public Trainer trainer(Evaluator selection, int epochs, int patience) {
    TrainerConfig trainerConfig = new TrainerConfig(epochs, config.batchSize(), config.negatives(), patience,
        config.metric(), config.seed(), config.minEpochs(), config.pairs(), config.selection());
    return new Trainer(trainerConfig, schedule, model, sampler, optimizer, selection, split.train(), parallel);
  }

  /**
   * The per-epoch evaluator: only eval.validation-metrics (by default the selection metric) on the
   * selection pairs (validation, or test when the split has none), masking train.
   */
  public Evaluator validationEvaluator() {
    return m -> perEpochEvaluator.evaluate(m.users(), m.items(), split, Stage.VALIDATION).metrics();
  }

  public RunConfig config() {
    return config;
  }

  public SplitData split() {
    return split;
  }

  public double loadSeconds() {
    return loadSeconds;
  }

  public Model model() {
    return model;
  }

  /** The evaluator of every reported metric at every K (the selected epoch's validation and test). */
  public FullRankingEvaluator evaluator() {
    return evaluator;
  }

  public Parallel parallel() {
    return parallel;
  }
}
