package org.rankcf.framework.train;

/**
 * The phase plan: an optional warm phase, then the tune phase until early stopping.
 *
 * @param warm the warm phase, or null for none
 * @param tune the tune phase
 * @param warmEpochs W: the warm phase covers epochs 0..W (W + 1 epochs) at most
 * @param switchOnPlateau also leave the warm phase early once the selection metric has not improved for
 *     {@code warmPatience} epochs
 * @param warmPatience epochs without improvement that end the warm phase when switchOnPlateau is set
 */
public record Schedule(Phase warm, Phase tune, int warmEpochs, boolean switchOnPlateau, int warmPatience) {
  /** Tune phase only. */
  public static Schedule tuneOnly(Phase tune) {
    return new Schedule(null, tune, -1, false, 0);
  }

  public boolean hasWarm() {
    return warm != null;
  }
}
