package org.rankcf.framework.train;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run; the model holds the best epoch's parameters afterwards.
 *
 * @param bestEpoch epoch with the best selection metric
 * @param bestValidation selection metrics of that epoch
 * @param epochs all epoch records in order
 * @param stopReason why training ended: "early-stopping", "max-epochs"
 * @param switchEpoch first tune-phase epoch, or -1 without a warm phase or if it never switched
 */
public record TrainingResult(
    int bestEpoch, Map<String, Double> bestValidation, List<EpochRecord> epochs, String stopReason, int switchEpoch) {}
