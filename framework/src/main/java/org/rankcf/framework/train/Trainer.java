package org.rankcf.framework.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spectral.Spectrum;
import org.rankcf.framework.spi.Evaluator;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Sampler;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;
import org.rankcf.framework.util.UserInputException;

/**
 * The training loop. An epoch is: {@link StepSampling} draws the pair order, then each step's pairs and
 * negatives; {@link StepObjective} evaluates the phase's loss, regularizers and the model's auxiliary terms;
 * the {@link UpdateStrategy} (chosen once from the model's capabilities) steps the optimiser, and a loss that
 * keeps state sees the updated model ({@link org.rankcf.framework.spi.LossState}); after the
 * steps the selection metrics, the listeners' diagnostics (the spectra among them), {@link EarlyStopping}
 * and the {@link EpochRecord}. The best epoch's parameters are kept and restored at the end.
 *
 * <p>Every epoch draws its shuffle and negatives from a stream derived from (seed, epoch) alone, so a run
 * restarted at an epoch boundary continues exactly as an uninterrupted one.
 */
public final class Trainer {
  private final TrainerConfig config;
  private final Schedule schedule;
  private final Model model;
  private final Optimizer optimizer;
  private final Evaluator evaluator;
  private final List<TrainingListener> listeners = new ArrayList<>();
  private final SpectraListener spectra;
  private final BatchAssembler batch;
  private final StepSampling sampling;
  private final StepObjective objective;
  private final UpdateStrategy update;
  private final OwnParameterUpdates own;
  private final EarlyStopping stopping;
  private final TrainerState state;

  public Trainer(TrainerConfig config, Schedule schedule, Model model, Sampler sampler, Optimizer optimizer,
      Evaluator evaluator, Interactions train, Parallel parallel) {
    if (train.size() == 0) {
      throw new UserInputException("the train split has no pairs");
    }
    this.config = config;
    this.schedule = schedule;
    this.model = model;
    this.optimizer = optimizer;
    this.evaluator = evaluator;
    this.batch = new BatchAssembler(train.numUsers(), train.numItems(), model.dim());
    this.sampling = new StepSampling(train, config.pairs(), config.batchSize(), sampler);
    this.objective = new StepObjective(model.auxiliaryObjectives(), config.seed());
    this.update = UpdateStrategy.choose(model, optimizer, parallel, batch);
    this.own = new OwnParameterUpdates(schedule, optimizer, parallel);
    this.stopping = new EarlyStopping(schedule, config.patience(), config.minEpochs());
    this.state = new TrainerState(model);
    this.spectra = new SpectraListener(parallel);
    listeners.add(spectra);
    for (Phase phase : new Phase[] {schedule.warm(), schedule.tune()}) {
      if (phase != null && phase.loss().usesNegatives() && config.negatives() < 1) {
        throw new ConfigException("train.sampler.negatives",
            "loss '" + phase.lossName() + "' needs at least 1 negative per pair (got " + config.negatives() + ")");
      }
      if (phase != null && update.lazy() && phase.readsWholeTables()) {
        throw new ConfigException("train.optimizer.lazy", "lazy steps update only the batch's rows, but the "
            + phase.name() + " phase has a term on the whole tables");
      }
    }
  }

  public void addListener(TrainingListener listener) {
    listeners.add(listener);
  }

  Model model() {
    return model;
  }

  Optimizer optimizer() {
    return optimizer;
  }

  /** The losses' own parameter groups and their optimisers (for checkpoints). */
  List<OwnParameterUpdates.Stepped> ownParameters() {
    return own.groups();
  }

  /** The state arrays of the phases' losses by "phase/name" (for checkpoints); empty if they keep none. */
  Map<String, float[]> lossState() {
    Map<String, float[]> arrays = new LinkedHashMap<>();
    for (Phase phase : new Phase[] {schedule.warm(), schedule.tune()}) {
      if (phase != null) {
        phase.loss().state().arrays().forEach((name, values) -> arrays.put(phase.name() + "/" + name, values));
      }
    }
    return arrays;
  }

  /** The mutable progress (for checkpoints). */
  public TrainerState state() {
    return state;
  }

  /** Trains from the current state until early stopping or the epoch budget; restores the best model. */
  public TrainingResult fit() {
    model.forward();
    while (state.epoch < config.maxEpochs() && !state.stopped) {
      runEpoch(state.epoch);
    }
    String reason = state.stopped ? "early-stopping" : "max-epochs";
    state.restoreBest(model);
    return new TrainingResult(state.bestEpoch, state.bestValidation, List.copyOf(state.records), reason,
        state.switchEpoch);
  }

  private void runEpoch(int epoch) {
    Phase phase = stopping.current(state);
    SplittableRandom random = new SplittableRandom(mix(config.seed(), epoch));
    sampling.startEpoch(random, phase.loss().usesNegatives() ? config.negatives() : 0);
    int steps = sampling.steps();
    update.startEpoch(epoch);
    own.startEpoch(epoch);
    List<LossPass> passes = OwnParameterUpdates.passes(phase, epoch);
    phase.loss().state().startEpoch(epoch);
    listeners.forEach(l -> l.epochStarted(epoch, phase.kind(), steps));

    EpochTotals totals = new EpochTotals();
    long start = System.nanoTime();
    for (int step = 0; step < steps; step++) {
      sampling.fill(step, batch, random);
      for (int p = 0; p < passes.size(); p++) {
        LossPass pass = passes.get(p);
        if (p > 0) {
          batch.clearRowGradients();
        }
        update.gather(batch);
        objective.evaluate(phase, pass, p, batch.batch(), epoch, step, totals);
        long updateStart = System.nanoTime();
        if (pass.stepsModel()) {
          update.update(batch);
          model.forward();
        } else {
          update.discard();
        }
        own.afterPass(phase, pass);
        totals.addUpdateNanos(System.nanoTime() - updateStart);
      }
      long stateStart = System.nanoTime();
      phase.loss().state().afterStep(batch.batch(), model);
      totals.addUpdateNanos(System.nanoTime() - stateStart);
      int done = step;
      listeners.forEach(l -> l.stepDone(epoch, done));
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;

    long evalStart = System.nanoTime();
    Map<String, Double> validation = evaluator.validate(model);
    listeners.forEach(l -> l.epochEvaluated(epoch, model));
    double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
    state.elapsedSeconds += trainSeconds + evalSeconds;

    Double score = validation.get(config.selectionMetric());
    if (score == null) {
      throw new IllegalStateException("the evaluator gave no " + config.selectionMetric() + ": " + validation.keySet());
    }
    boolean improved = score > state.bestScore;
    if (improved) {
      state.recordBest(epoch, score, validation, model);
    }
    stopping.afterEpoch(state, epoch, phase.kind(), improved, score);
    EpochRecord record = record(epoch, phase.kind(), steps, totals, validation, trainSeconds, evalSeconds, improved);
    state.records.add(record);
    state.epoch = epoch + 1; // listeners that checkpoint must see the epoch as done
    listeners.forEach(l -> l.epochDone(record));
  }

  private EpochRecord record(int epoch, PhaseKind phase, int steps, EpochTotals totals,
      Map<String, Double> validation, double trainSeconds, double evalSeconds, boolean improved) {
    Spectrum users = spectra.users();
    Spectrum items = spectra.items();
    return new EpochRecord(epoch, phase.key(), totals.meanObjective(steps), totals.meanTerms(steps), validation,
        users.stableRank(), items.stableRank(), users.effectiveRank(), items.effectiveRank(),
        users.singularValues(), items.singularValues(), trainSeconds, totals.termSeconds(),
        totals.updateSeconds(), evalSeconds, state.elapsedSeconds, improved);
  }

  /** A well-mixed seed for epoch e of a run (splitmix64 finaliser). */
  static long mix(long seed, long epoch) {
    long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

}
