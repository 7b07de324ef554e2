package org.rankcf.framework.train;

import java.util.Map;

/**
 * What one epoch did, as the trajectory records it.
 *
 * @param epoch 0-based epoch number
 * @param phase the key of the epoch's {@link PhaseKind}: "warm" or "tune"
 * @param loss mean over the steps of the whole objective
 * @param terms mean over the steps of each term's unweighted value, by name
 * @param validation selection metrics after the epoch
 * @param userSpectrum singular values of the final user table
 * @param itemSpectrum singular values of the final item table
 * @param trainSeconds seconds spent in the training steps
 * @param termSeconds of those, the seconds spent in each term's value and gradient, by name (what a loss or a
 *     regularizer costs per epoch, measured where it runs)
 * @param updateSeconds of those, the seconds of the backward pass through the model, the optimiser step and
 *     the model's forward pass (the rest is sampling and gathering the batches)
 * @param evalSeconds seconds spent evaluating and in spectral diagnostics
 * @param elapsedSeconds training plus evaluation seconds since the start of the run
 * @param improved whether this epoch set a new best selection metric
 */
public record EpochRecord(
    int epoch, String phase, double loss, Map<String, Double> terms, Map<String, Double> validation,
    double userStableRank, double itemStableRank, double userEffectiveRank, double itemEffectiveRank,
    double[] userSpectrum, double[] itemSpectrum, double trainSeconds, Map<String, Double> termSeconds,
    double updateSeconds, double evalSeconds, double elapsedSeconds, boolean improved) {}
