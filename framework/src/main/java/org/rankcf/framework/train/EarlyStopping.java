package org.rankcf.framework.train;

/**
 * Moves the schedule on after an epoch: leaves the warm phase when its budget is used or (optionally) it
 * has plateaued, and stops the tune phase after {@code patience} validations without improvement (when the
 * {@link ModelSelection} has early stopping on). Epochs without validation move only the warm budget.
 *
 * <p>The tune phase's patience is measured against the best score of the tune phase itself: a warm phase
 * that scored higher early on must not stop the tune phase before it has had its own patience window (model
 * selection still takes the best epoch of the whole run).
 */
final class EarlyStopping {
  private final Schedule schedule;
  private final int patience;
  private final int minEpochs;
  private final ModelSelection selection;

  EarlyStopping(Schedule schedule, int patience, int minEpochs, ModelSelection selection) {
    this.schedule = schedule;
    this.patience = patience;
    this.minEpochs = minEpochs;
    this.selection = selection;
  }

  /** The phase the next epoch runs. */
  Phase current(TrainerState state) {
    return state.inWarm && schedule.hasWarm() ? schedule.warm() : schedule.tune();
  }

  /**
   * Records epoch {@code epoch}'s score in the state (when {@code validated}; otherwise score and improved
   * are meaningless): phase switch, stop.
   */
  void afterEpoch(TrainerState state, int epoch, PhaseKind phase, boolean validated, boolean improved, double score) {
    if (phase == PhaseKind.WARM) {
      if (validated) {
        state.warmSinceBest = improved ? 0 : state.warmSinceBest + 1;
      }
      boolean budgetUsed = epoch >= schedule.warmEpochs();
      boolean plateau = schedule.switchOnPlateau() && state.warmSinceBest >= schedule.warmPatience();
      if (budgetUsed || plateau) {
        state.inWarm = false;
        state.switchEpoch = epoch + 1;
      }
      return;
    }
    if (!validated) {
      return;
    }
    boolean tuneImproved = selection.replaces(score, state.tuneBestScore);
    if (tuneImproved) {
      state.tuneBestScore = score;
    }
    // epochs before min-epochs do not count towards the patience
    state.sinceBest = tuneImproved || epoch < minEpochs ? 0 : state.sinceBest + 1;
    if (selection.earlyStopping() && state.sinceBest >= patience) {
      state.stopped = true;
    }
  }
}
