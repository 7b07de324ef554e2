package org.rankcf.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.evaluation.EvaluationResult;
import org.rankcf.evaluation.Stage;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.spectral.SpectrumFailure;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.train.Checkpoint;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.Trainer;
import org.rankcf.framework.train.TrainingListener;
import org.rankcf.framework.train.TrainingResult;
import org.rankcf.framework.util.Parallel;
import org.rankcf.reports.schema.Manifest;
import org.rankcf.reports.schema.PerUserCsv;
import org.rankcf.reports.schema.RunFiles;
import org.rankcf.reports.schema.RunMetrics;

/**
 * One training run from a validated config to a committed run folder: load and split the data, build the
 * plug-ins, train with per-epoch records, evaluate the best epoch on test, write manifest.json,
 * trajectory.jsonl and metrics.json.
 */
public final class TrainingRun {
  private static final String CHECKPOINT = "checkpoint.bin";
  private static final String PREVIOUS_CHECKPOINT = Checkpoint.previous(Path.of(CHECKPOINT)).toString();
  private static final String TRAJECTORY = RunFiles.TRAJECTORY;
  /** The stop reason of a call that ended at {@link #pauseAt}'s epoch, leaving the run checkpointed. */
  public static final String PAUSED = "paused";

  private final RunConfig config;
  private final Path repositoryRoot;
  private final Path dataRoot;
  private final List<TrainingListener> extraListeners = new ArrayList<>();
  private DamagedCheckpoint damagedCheckpoint = DamagedCheckpoint.FAIL;
  private int epochLimit = Integer.MAX_VALUE;
  private String limitReason = "max-epochs";

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

  /** What a resumed run does with a damaged checkpoint (default: fail with a one-line error). */
  public void onDamagedCheckpoint(DamagedCheckpoint choice) {
    damagedCheckpoint = choice;
  }

  /**
   * A resumable run ends this call at epoch {@code epochs} (a rung of a search) without committing: its
   * checkpoint stays in the partial folder for a later call, and the outcome's stop reason is {@link #PAUSED}.
   */
  public void pauseAt(int epochs) {
    epochLimit = epochs;
    limitReason = PAUSED;
  }

  /** The run ends at epoch {@code epochs} and is committed with {@code reason} as its stop reason. */
  public void finishAt(int epochs, String reason) {
    epochLimit = epochs;
    limitReason = reason;
  }

  public void addListener(TrainingListener listener) {
    extraListeners.add(listener);
  }

  /** Trains and writes the run into a new timestamped folder under {@code outputParent}. */
  public RunOutcome execute(Path outputParent) {
    try (RunDirectory run = RunDirectory.create(outputParent, config.name())) {
      return execute(run, false);
    }
  }

  /**
   * Trains into {@code parent/name}, checkpointing after every epoch; an interrupted attempt's checkpoint
   * is resumed, so the result equals that of an uninterrupted run.
   */
  public RunOutcome executeResumable(Path parent, String name) {
    return executeResumable(parent, name, false);
  }

  /**
   * As {@link #executeResumable(Path, String)}; a checkpoint made with other settings (its
   * {@link RunFingerprint}) is refused, or discarded when {@code discardChanged}.
   */
  public RunOutcome executeResumable(Path parent, String name, boolean discardChanged) {
    try (RunDirectory run = RunDirectory.resumable(parent, name)) {
      return execute(run, true, discardChanged);
    }
  }

  private RunOutcome execute(RunDirectory run, boolean checkpoints) {
    return execute(run, checkpoints, false);
  }

  private RunOutcome execute(RunDirectory run, boolean checkpoints, boolean discardChanged) {
    try (Parallel parallel = new Parallel(config.threads())) {
      Assembly assembly = new Assembly(config, repositoryRoot, dataRoot, parallel);
      SplitData split = assembly.split();
      Model model = assembly.model();
      Trainer trainer = assembly.trainer();
      RunFingerprint fingerprint = RunFingerprint.of(config, split.hash());
      boolean resuming = checkpoints && (run.has(CHECKPOINT) || run.has(PREVIOUS_CHECKPOINT));
      if (resuming) {
        RunFingerprint older = RunFingerprint.read(run.path());
        if (discardChanged && !fingerprint.changesFrom(older).isEmpty()) {
          run.delete(CHECKPOINT);
          run.delete(PREVIOUS_CHECKPOINT);
          resuming = false;
        } else {
          fingerprint.requireSameAs(older, "the interrupted run " + run.target(), RunFingerprint.DISCARD_FLAG);
        }
      }
      fingerprint.write(run);

      run.writeJson(RunFiles.MANIFEST, new Manifest(config.name(), config.seed(), config.resolved(),
          dataDescription(split, assembly.loadSeconds()), Environment.describe(repositoryRoot)));

      if (resuming) {
        restore(run, trainer);
      } else {
        run.delete(TRAJECTORY);
      }
      trainer.addListener(new TrajectoryWriter(run));
      if (checkpoints) {
        trainer.addListener(new TrainingListener() {
          @Override
          public void epochDone(EpochRecord record) {
            save(run, trainer);
          }
        });
      }
      extraListeners.forEach(trainer::addListener);
      TrainingResult result = fit(trainer, epochLimit, limitReason);
      if (checkpoints && PAUSED.equals(result.stopReason())) {
        return new RunOutcome(run.path(), result, Map.of());
      }
      // training is done: from here a failed write (full disk, ...) keeps the folder with the trained tables
      run.keepOnFailure();
      try {
        // the model holds the selected epoch's tables: the full metric list is computed once, here
        EvaluationResult test = assembly.evaluator().evaluate(model.users(), model.items(), split,
            config.eval().testStage());
        EvaluationResult validation = assembly.evaluator().evaluate(model.users(), model.items(), split, Stage.VALIDATION);
        EpochRecord best = result.epochs().get(Math.max(0, result.bestEpoch()));
        run.writeJson(RunFiles.METRICS, new RunMetrics(result.bestEpoch(), result.epochs().size(),
            result.stopReason(), result.switchEpoch(), config.metric(), split.selectsOnTest(), validation.metrics(),
            test.metrics(), test.usersEvaluated(), best.userStableRank(), best.itemStableRank(),
            result.epochs().stream().mapToDouble(EpochRecord::trainSeconds).sum(),
            result.epochs().stream().mapToDouble(EpochRecord::evalSeconds).sum(), best.elapsedSeconds(),
            PeakMemory.describe()));
        run.writeString(RunFiles.PER_USER, perUserCsv(test, config.metric()));
        Path committed = run.commit();
        deleteCheckpoint(committed);
        return new RunOutcome(committed, result, test.metrics());
      } catch (RuntimeException e) {
        if (!checkpoints) {
          saveIfPossible(run, trainer);
        }
        throw new org.rankcf.framework.util.UserInputException(e.getMessage() + "; the trained run is kept in "
            + run.path() + (checkpoints ? " (run again to finish it)" : " (checkpoint.bin holds its tables)"), e);
      }
    }
  }

  /** Per-user test values of the selection metric and recall at the same K, for paired tests over users. */
  private static String perUserCsv(EvaluationResult test, String metric) {
    String recall = "recall" + metric.substring(metric.indexOf('@'));
    Map<String, float[]> columns = new LinkedHashMap<>();
    columns.put(metric, test.perUser(metric));
    columns.putIfAbsent(recall, test.perUser(recall));
    return PerUserCsv.write(test.users(), columns);
  }

  /** Trains; a spectrum that cannot be computed (divergence) is reported with its epoch. */
  private static TrainingResult fit(Trainer trainer, int epochLimit, String limitReason) {
    try {
      return trainer.fit(epochLimit, limitReason);
    } catch (SpectrumFailure e) {
      throw e.atEpoch(trainer.state().records().size());
    }
  }

  private static void deleteCheckpoint(Path committed) {
    try {
      java.nio.file.Files.deleteIfExists(committed.resolve(PREVIOUS_CHECKPOINT));
      java.nio.file.Files.deleteIfExists(committed.resolve(CHECKPOINT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + committed.resolve(CHECKPOINT), e);
    }
  }

  /** A last attempt to keep the trained tables of a run whose final writes failed. */
  private static void saveIfPossible(RunDirectory run, Trainer trainer) {
    try {
      Checkpoint.save(run.path().resolve(CHECKPOINT), trainer);
    } catch (IOException | RuntimeException e) {
      // the disk may be full: the original failure is what the user must see
    }
  }

  private static void save(RunDirectory run, Trainer trainer) {
    try {
      Checkpoint.save(run.path().resolve(CHECKPOINT), trainer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint of " + run.target(), e);
    }
  }

  /**
   * Restores the checkpoint (or, when a crash fell between the two renames of a save, the previous one) and
   * rewrites the trajectory to the epochs it holds; a damaged checkpoint is handled as {@link #damagedCheckpoint} says.
   */
  private void restore(RunDirectory run, Trainer trainer) {
    Path latest = run.path().resolve(run.has(CHECKPOINT) ? CHECKPOINT : PREVIOUS_CHECKPOINT);
    try {
      try {
        Checkpoint.restore(latest, trainer);
      } catch (Checkpoint.CheckpointException e) {
        switch (damagedCheckpoint) {
          case FAIL -> throw new org.rankcf.framework.util.UserInputException(e.getMessage() + "; run again with "
              + DamagedCheckpoint.FLAG + " previous to resume from the earlier intact checkpoint, or "
              + DamagedCheckpoint.FLAG + " restart to train from scratch", e);
          case PREVIOUS -> restorePrevious(run, latest, trainer);
          case RESTART -> {
            run.delete(CHECKPOINT);
            run.delete(PREVIOUS_CHECKPOINT);
            run.delete(TRAJECTORY);
            return;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint of " + run.target(), e);
    }
    run.delete(TRAJECTORY);
    TrajectoryWriter writer = new TrajectoryWriter(run);
    trainer.state().records().forEach(writer::epochDone);
  }

  private static void restorePrevious(RunDirectory run, Path damaged, Trainer trainer) throws IOException {
    Path previous = run.path().resolve(PREVIOUS_CHECKPOINT);
    if (damaged.equals(previous) || !run.has(PREVIOUS_CHECKPOINT)) {
      throw new org.rankcf.framework.util.UserInputException(damaged + ": damaged, and no earlier intact checkpoint "
          + "is kept; run again with " + DamagedCheckpoint.FLAG + " restart to train from scratch");
    }
    try {
      Checkpoint.restore(previous, trainer);
    } catch (Checkpoint.CheckpointException e) {
      throw new org.rankcf.framework.util.UserInputException(e.getMessage() + "; run again with "
          + DamagedCheckpoint.FLAG + " restart to train from scratch", e);
    }
  }

  private static Manifest.Data dataDescription(SplitData split, double loadSeconds) {
    return new Manifest.Data(split.name(), split.protocol(), split.numUsers(), split.numItems(), split.train().size(),
        split.validation().size(), split.test().size(), split.selectsOnTest(), split.hash(), loadSeconds);
  }

  /** The committed folder (the partial one when paused), the training result and the best epoch's test metrics (empty when paused). */
  public record RunOutcome(Path directory, TrainingResult result, Map<String, Double> test) {}
}
