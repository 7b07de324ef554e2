package org.rankcf.framework.train;

import org.rankcf.framework.util.Check;

/**
 * When the trainer validates and which epoch it keeps. IR-Benchmark (LOSSES.md §P5-P6) validates after every
 * 5th epoch, keeps an epoch whose score ties the best (the later one wins) and trains a fixed budget:
 * {@code new ModelSelection(5, true, false)}.
 *
 * @param validateEvery validate after epochs e with (e + 1) divisible by it, and after the budget's last
 *     epoch (so a budget that is no multiple still ends with a selectable epoch)
 * @param tiesToLater keep an epoch whose score equals the best so far (">="), rather than only a better one
 * @param earlyStopping stop the tune phase after {@code patience} validations without improvement; off, the
 *     whole budget is trained
 */
public record ModelSelection(int validateEvery, boolean tiesToLater, boolean earlyStopping) {
  /** Validation after every epoch, strict improvement, early stopping on. */
  public static final ModelSelection EVERY_EPOCH = new ModelSelection(1, false, true);

  public ModelSelection {
    Check.atLeast("validate-every", validateEvery, 1);
  }

  /** Whether epoch {@code epoch} (0-based) of a budget of {@code maxEpochs} is validated. */
  public boolean validates(int epoch, int maxEpochs) {
    return (epoch + 1) % validateEvery == 0 || epoch == maxEpochs - 1;
  }

  /** Whether {@code score} replaces {@code best}; a NaN score never does. */
  public boolean replaces(double score, double best) {
    return tiesToLater ? score >= best : score > best;
  }
}
