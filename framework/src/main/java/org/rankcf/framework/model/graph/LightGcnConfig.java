package org.rankcf.framework.model.graph;

import java.util.List;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * LightGCN's settings: the number of propagation layers K and the weights w_0..w_K of the layer sum
 * E = sum_k w_k E^(k). Null weights mean the plain mean 1 / (K + 1) of the paper.
 *
 * @param layers K, at least 0 (K = 0 is matrix factorisation with the table scaled by w_0)
 * @param layerWeights K + 1 non-negative weights, not all zero, or null for the mean
 */
public record LightGcnConfig(int layers, List<Double> layerWeights) {
  public static final LightGcnConfig DEFAULTS = new LightGcnConfig(3, null);

  public LightGcnConfig {
    Check.atLeast("layers", layers, 0);
    if (layerWeights != null) {
      if (layerWeights.size() != layers + 1) {
        throw new ConfigException("layer-weights",
            "needs layers + 1 = " + (layers + 1) + " entries (got " + layerWeights.size() + ")");
      }
      double sum = 0;
      for (int k = 0; k < layerWeights.size(); k++) {
        sum += Check.nonNegative("layer-weights[" + k + "]",
            Check.present("layer-weights[" + k + "]", layerWeights.get(k)));
      }
      if (sum == 0) {
        throw new ConfigException("layer-weights", "must not all be 0");
      }
      layerWeights = List.copyOf(layerWeights);
    }
  }

  /** w_0..w_K as floats, the mean when no weights were given. */
  public float[] weights() {
    float[] weights = new float[layers + 1];
    for (int k = 0; k <= layers; k++) {
      weights[k] = layerWeights == null ? 1f / (layers + 1) : layerWeights.get(k).floatValue();
    }
    return weights;
  }
}
