package org.rankcf.experiments.config;

/**
 * The warm-start schedule: the warm phase covers epochs 0..epochs (the paper's W = 5 gives 6 warm epochs),
 * or ends sooner on a plateau of the selection metric when {@code switchOnPlateau}.
 */
public record WarmStartSpec(int epochs, boolean switchOnPlateau, int patience, PhaseSpec phase) {}
