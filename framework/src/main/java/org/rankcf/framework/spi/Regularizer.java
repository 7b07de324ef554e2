package org.rankcf.framework.spi;

/** A term added to a loss with a weight (stable rank, uniformity, L2, ...). */
public interface Regularizer extends Objective {}
