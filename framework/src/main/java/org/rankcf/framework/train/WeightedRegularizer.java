package org.rankcf.framework.train;

import org.rankcf.framework.spi.Regularizer;

/** A regularizer with its weight, as a phase uses it. */
public record WeightedRegularizer(String name, Regularizer regularizer, double weight) {}
