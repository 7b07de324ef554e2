package org.rankcf.framework.spi;

/**
 * One evaluation of a {@link ParameterizedLoss} within a training step, and what its gradient updates. A
 * step runs the loss's passes in order on the same pairs and negatives, each on the rows as the passes before
 * left them.
 *
 * @param name the pass's name; a later pass's value is recorded as the term "loss-name" (first pass) or
 *     "loss-name-pass-name"
 * @param stepsModel the model's optimiser steps on this pass's gradient (otherwise it is discarded and the
 *     model is frozen for the pass)
 * @param stepsOwnParameters the loss's {@link ParameterGroup}s step on this pass's gradient (otherwise it
 *     is discarded)
 */
public record LossPass(String name, boolean stepsModel, boolean stepsOwnParameters) {}
