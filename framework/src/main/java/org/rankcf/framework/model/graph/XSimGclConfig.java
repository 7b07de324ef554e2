package org.rankcf.framework.model.graph;

import java.util.List;
import org.rankcf.framework.util.ConfigException;

/**
 * XSimGCL's settings (Yu et al., TKDE 2023): one noisy propagation whose final tables are contrasted with
 * its own layer {@code contrastiveLayer}. Defaults are the paper's: eps 0.2, tau 0.2, lambda 0.2, 2 layers,
 * layer 1.
 *
 * @param layers K, at least 1
 * @param layerWeights K + 1 weights of the layer sum, or null for the mean of layers 1..K
 * @param noise eps, see {@link Contrast}
 * @param temperature tau
 * @param weight lambda
 * @param contrastiveLayer l*, the layer (1..K) contrasted with the final tables
 */
public record XSimGclConfig(
    int layers, List<Double> layerWeights, double noise, double temperature, double weight, int contrastiveLayer) {
  public static final XSimGclConfig DEFAULTS = new XSimGclConfig(2, null, 0.2, 0.2, 0.2, 1);

  public XSimGclConfig {
    // the compact constructor sees the parameters, not yet the fields
    Contrast.propagation(layers, layerWeights);
    new Contrast(noise, temperature, weight);
    if (contrastiveLayer < 1 || contrastiveLayer > layers) {
      throw new ConfigException("contrastive-layer", "must be in 1.." + layers + " (got " + contrastiveLayer + ")");
    }
  }

  public LightGcnConfig propagation() {
    return Contrast.propagation(layers, layerWeights);
  }

  public Contrast contrast() {
    return new Contrast(noise, temperature, weight);
  }
}
