package org.rankcf.framework.model.graph;

import java.util.List;

/**
 * SimGCL's settings (Yu et al., SIGIR 2022): a LightGCN propagation, and an InfoNCE between two noisy
 * propagations of the same tables. Defaults are the paper's: eps 0.1, tau 0.2, lambda 0.5, 3 layers.
 *
 * @param layers K, at least 1
 * @param layerWeights K + 1 weights of the layer sum, or null for the mean of layers 1..K
 * @param noise eps, see {@link Contrast}
 * @param temperature tau
 * @param weight lambda
 */
public record SimGclConfig(int layers, List<Double> layerWeights, double noise, double temperature, double weight) {
  public static final SimGclConfig DEFAULTS = new SimGclConfig(3, null, 0.1, 0.2, 0.5);

  public SimGclConfig {
    // the compact constructor sees the parameters, not yet the fields
    Contrast.propagation(layers, layerWeights);
    new Contrast(noise, temperature, weight);
  }

  public LightGcnConfig propagation() {
    return Contrast.propagation(layers, layerWeights);
  }

  public Contrast contrast() {
    return new Contrast(noise, temperature, weight);
  }
}
