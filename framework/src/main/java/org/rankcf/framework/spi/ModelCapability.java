package org.rankcf.framework.spi;

/** What a model declares about itself so that the trainer picks its update path once, without guessing. */
public enum ModelCapability {
  /**
   * The final tables are the parameter tables themselves (MF): the batch's rows can go to the optimiser as
   * they are, and a lazy optimiser may step only those rows. Without it the model propagates its parameters
   * into other final tables and every gradient goes through {@link Model#backward}.
   */
  PARAMETERS_ARE_FINAL_TABLES
}
