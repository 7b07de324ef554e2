package org.rankcf.framework.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.optim.PendingRows;
import org.rankcf.framework.spectral.Spectra;
import org.rankcf.framework.spectral.Spectrum;
import org.rankcf.framework.spi.Evaluator;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Sampler;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;
import org.rankcf.framework.util.UserInputException;

/**
 * The training loop: shuffled mini-batches of the train pairs, sampled negatives, the phase's loss and
 * regularizers, backward through the model, an optimiser step; after every epoch the selection metrics, the
 * spectra of both final tables and early stopping (counted in the tune phase only). The best epoch's
 * parameters are kept and restored at the end.
 *
 * <p>Every epoch draws its shuffle and negatives from a stream derived from (seed, epoch) alone, so a run
 * restarted at an epoch boundary continues exactly as an uninterrupted one.
 */
public final class Trainer {
  private final TrainerConfig config;
  private final Schedule schedule;
  private final Model model;
  private final Sampler sampler;
  private final Optimizer optimizer;
  private final Evaluator evaluator;
  private final Interactions train;
  private final Parallel parallel;
  private final List<TrainingListener> listeners = new ArrayList<>();

  private final int[] pairUsers;
  private final int[] pairItems;
  private final int[] order;
  /** Users with at least one train pair, for {@link PairSampling#USER_UNIFORM}. */
  private final int[] activeUsers;
  private final Batch batch;
  private final float[] userGrad;
  private final float[] itemGrad;
  private final boolean lazy;
  /** Gradients of objectives on a propagating model's parameters, null when they are the final tables. */
  private final float[] userParameterGrad;
  private final float[] itemParameterGrad;
  private float[] logQ = new float[0];

  private final TrainerState state;

  public Trainer(TrainerConfig config, Schedule schedule, Model model, Sampler sampler, Optimizer optimizer,
      Evaluator evaluator, Interactions train, Parallel parallel) {
    this.config = config;
    this.schedule = schedule;
    this.model = model;
    this.sampler = sampler;
    this.optimizer = optimizer;
    this.evaluator = evaluator;
    this.train = train;
    this.parallel = parallel;
    this.pairUsers = train.pairUsers();
    this.pairItems = train.userItems();
    this.order = new int[train.size()];
    this.activeUsers = IntStream.range(0, train.numUsers()).filter(u -> train.userDegree(u) > 0).toArray();
    this.batch = new Batch(train.numUsers(), train.numItems(), model.dim());
    this.batch.setParallel(parallel);
    this.userGrad = new float[train.numUsers() * model.dim()];
    this.itemGrad = new float[train.numItems() * model.dim()];
    // lazy updates are only sound where the parameters are the final tables (MF): a propagated model
    // touches every row
    boolean propagates = model.parameters().get(0) != model.users();
    this.lazy = optimizer.lazy() && !propagates;
    this.userParameterGrad = propagates ? new float[userGrad.length] : null;
    this.itemParameterGrad = propagates ? new float[itemGrad.length] : null;
    if (propagates) {
      batch.setParameters(model.parameters().get(0), model.parameters().get(1), userParameterGrad, itemParameterGrad);
    }
    this.state = new TrainerState(model);
    if (train.size() == 0) {
      throw new UserInputException("the train split has no pairs");
    }
    for (Phase phase : new Phase[] {schedule.warm(), schedule.tune()}) {
      if (phase != null && phase.loss().usesNegatives() && config.negatives() < 1) {
        throw new ConfigException("train.sampler.negatives",
            "loss '" + phase.lossName() + "' needs at least 1 negative per pair (got " + config.negatives() + ")");
      }
      if (phase != null && lazy && phase.readsWholeTables()) {
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
    Phase phase = state.inWarm && schedule.hasWarm() ? schedule.warm() : schedule.tune();
    String phaseName = phase == schedule.warm() ? "warm" : "tune";
    SplittableRandom random = new SplittableRandom(mix(config.seed(), epoch));
    if (config.pairs() == PairSampling.USER_UNIFORM) {
      drawUserUniform(random);
    } else {
      shuffle(random);
    }
    int steps = (order.length + config.batchSize() - 1) / config.batchSize();
    int negatives = phase.loss().usesNegatives() ? config.negatives() : 0;
    optimizer.startEpoch(epoch);
    listeners.forEach(l -> l.epochStarted(epoch, phaseName, steps));

    int[] users = new int[config.batchSize()];
    int[] positives = new int[config.batchSize()];
    int[] negativeIds = new int[config.batchSize() * Math.max(negatives, 1)];
    Map<String, Double> termSums = new LinkedHashMap<>();
    Map<String, Double> termSeconds = new LinkedHashMap<>();
    long updateNanos = 0;
    double lossSum = 0;
    long start = System.nanoTime();
    for (int step = 0; step < steps; step++) {
      int from = step * config.batchSize();
      int size = Math.min(config.batchSize(), order.length - from);
      for (int b = 0; b < size; b++) {
        int pair = order[from + b];
        users[b] = pairUsers[pair];
        positives[b] = pairItems[pair];
      }
      if (negatives > 0) {
        sampler.sample(users, positives, size, negatives, negativeIds, random);
      }
      batch.assign(users, positives, size, negativeIds, negatives);
      if (negatives > 0) {
        fillLogQ(size * negatives, negativeIds);
      }
      batch.gather(model.users(), model.items(), userGrad, itemGrad);
      long termStart = System.nanoTime();
      double loss = phase.loss().valueAndGradient(batch, 1.0);
      termStart = addSeconds(termSeconds, phase.lossName(), termStart);
      termSums.merge(phase.lossName(), loss, Double::sum);
      double total = loss;
      for (WeightedRegularizer reg : phase.regularizers()) {
        double value = reg.regularizer().valueAndGradient(batch, reg.weight());
        termStart = addSeconds(termSeconds, reg.name(), termStart);
        termSums.merge(reg.name(), value, Double::sum);
        total += reg.weight() * value;
      }
      if (!Double.isFinite(total)) {
        throw new UserInputException("training diverged at epoch " + epoch + ", step " + step
            + ": the objective is " + total + " (try a lower train.optimizer.lr)");
      }
      lossSum += total;
      long updateStart = System.nanoTime();
      update();
      model.forward();
      updateNanos += System.nanoTime() - updateStart;
      int done = step;
      listeners.forEach(l -> l.stepDone(epoch, done));
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;

    long evalStart = System.nanoTime();
    Map<String, Double> validation = evaluator.validate(model);
    Spectrum userSpectrum = Spectra.spectrum(model.users(), parallel);
    Spectrum itemSpectrum = Spectra.spectrum(model.items(), parallel);
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
    advanceSchedule(epoch, phaseName, improved, score);

    Map<String, Double> terms = new LinkedHashMap<>();
    termSums.forEach((name, sum) -> terms.put(name, sum / steps));
    EpochRecord record = new EpochRecord(epoch, phaseName, lossSum / steps, terms, validation,
        userSpectrum.stableRank(), itemSpectrum.stableRank(), userSpectrum.effectiveRank(),
        itemSpectrum.effectiveRank(), userSpectrum.singularValues(), itemSpectrum.singularValues(),
        trainSeconds, termSeconds, updateNanos / 1e9, evalSeconds, state.elapsedSeconds, improved);
    state.records.add(record);
    state.epoch = epoch + 1; // listeners that checkpoint must see the epoch as done
    listeners.forEach(l -> l.epochDone(record));
  }

  /**
   * Moves the schedule on after an epoch. The tune phase's patience is measured against the best score of
   * the tune phase itself: a warm phase that scored higher early on must not stop the tune phase before it
   * has had its own patience window (model selection still takes the best epoch of the whole run).
   */
  private void advanceSchedule(int epoch, String phaseName, boolean improved, double score) {
    if (phaseName.equals("warm")) {
      state.warmSinceBest = improved ? 0 : state.warmSinceBest + 1;
      boolean budgetUsed = epoch >= schedule.warmEpochs();
      boolean plateau = schedule.switchOnPlateau() && state.warmSinceBest >= schedule.warmPatience();
      if (budgetUsed || plateau) {
        state.inWarm = false;
        state.switchEpoch = epoch + 1;
      }
      return;
    }
    boolean tuneImproved = score > state.tuneBestScore;
    if (tuneImproved) {
      state.tuneBestScore = score;
    }
    // epochs before min-epochs do not count towards the patience
    state.sinceBest = tuneImproved || epoch < config.minEpochs() ? 0 : state.sinceBest + 1;
    if (state.sinceBest >= config.patience()) {
      state.stopped = true;
    }
  }

  /** Adds the seconds since {@code start} to the term's total and returns the time now. */
  private static long addSeconds(Map<String, Double> seconds, String term, long start) {
    long now = System.nanoTime();
    seconds.merge(term, (now - start) / 1e9, Double::sum);
    return now;
  }

  /** Hands the sampler's log-probabilities of the batch's negatives to the batch (sampled softmax's logQ). */
  private void fillLogQ(int count, int[] negativeIds) {
    if (logQ.length < count) {
      logQ = new float[count];
    }
    for (int k = 0; k < count; k++) {
      logQ[k] = (float) sampler.logProbability(negativeIds[k]);
    }
    batch.setNegativeLogQ(logQ);
  }

  private void update() {
    if (userParameterGrad == null && !lazy) {
      // MF, dense: the optimiser adds the batch's rows into the table gradients itself, block by block
      optimizer.step(List.of(userGrad, itemGrad), List.of(new PendingRows(batch.userSlots(), batch.userGrad()),
          new PendingRows(batch.itemSlots(), batch.itemGrad())), parallel);
      return;
    }
    batch.scatter();
    List<float[]> grads = model.backward(userGrad, itemGrad);
    if (userParameterGrad != null) {
      // terms on the parameters themselves bypass the propagation
      addAndClear(userParameterGrad, grads.get(0));
      addAndClear(itemParameterGrad, grads.get(1));
    }
    if (lazy) {
      int[][] rows = {batch.uniqueUserIds(), batch.uniqueItemIds()};
      int[] counts = {batch.numUniqueUsers(), batch.numUniqueItems()};
      optimizer.stepRows(grads, rows, counts, parallel);
    } else {
      optimizer.step(grads, parallel);
    }
    // the optimiser clears the gradients it consumed; a propagating model returns its own buffers
    if (grads.get(0) != userGrad) {
      Arrays.fill(userGrad, 0f);
    }
    if (grads.get(1) != itemGrad) {
      Arrays.fill(itemGrad, 0f);
    }
  }

  private void addAndClear(float[] from, float[] into) {
    parallel.forRange(from.length, (chunk, start, end) -> {
      for (int t = start; t < end; t++) {
        into[t] += from[t];
        from[t] = 0f;
      }
    });
  }

  private void shuffle(SplittableRandom random) {
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    for (int p = order.length - 1; p > 0; p--) {
      int q = random.nextInt(p + 1);
      int t = order[p];
      order[p] = order[q];
      order[q] = t;
    }
  }

  /** Fills the epoch's pair list with draws of a uniform active user, then a uniform item of that user. */
  private void drawUserUniform(SplittableRandom random) {
    int[] userPtr = train.userPtr();
    for (int p = 0; p < order.length; p++) {
      int user = activeUsers[random.nextInt(activeUsers.length)];
      order[p] = userPtr[user] + random.nextInt(userPtr[user + 1] - userPtr[user]);
    }
  }

  /** A well-mixed seed for epoch e of a run (splitmix64 finaliser). */
  static long mix(long seed, long epoch) {
    long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

}
