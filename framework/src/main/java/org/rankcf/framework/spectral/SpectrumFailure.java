package org.rankcf.framework.spectral;

import org.rankcf.framework.util.UserInputException;

/**
 * The spectrum of an embedding table could not be computed: the table holds NaN or infinite values, or the
 * eigen-solver did not converge. Both mean that training diverged; the trainer's caller adds the epoch.
 */
public final class SpectrumFailure extends UserInputException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  SpectrumFailure(String reason, Throwable cause) {
    super(message(reason, -1), cause);
    this.reason = reason;
  }

  private SpectrumFailure(String reason, int epoch, Throwable cause) {
    super(message(reason, epoch), cause);
    this.reason = reason;
  }

  /** The same failure, located at a (0-based) epoch. */
  public SpectrumFailure atEpoch(int epoch) {
    return new SpectrumFailure(reason, epoch, getCause());
  }

  private static String message(String reason, int epoch) {
    return "training diverged" + (epoch >= 0 ? " at epoch " + epoch : "") + ": the embedding spectrum " + reason
        + " (try a lower train.optimizer.lr or regularizer weight)";
  }
}
