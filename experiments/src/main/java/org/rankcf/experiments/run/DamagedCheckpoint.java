package org.rankcf.experiments.run;

/** What a resumed run does when its checkpoint is damaged or of another version. */
public enum DamagedCheckpoint {
  /** Stop with a one-line error naming the file and these choices. */
  FAIL,
  /** Resume from the checkpoint kept from the epoch before. */
  PREVIOUS,
  /** Delete the checkpoints and train from scratch. */
  RESTART;

  /** The CLI flag that chooses, as the error message names it. */
  public static final String FLAG = "--damaged-checkpoint";
}
