package org.rankcf.framework.model.graph;

import java.util.ArrayList;
import java.util.List;
import org.rankcf.framework.util.Check;

/**
 * The contrastive settings SimGCL and XSimGCL share.
 *
 * @param noise eps, the length of the noise vector added to every row of every layer
 * @param temperature tau of the InfoNCE
 * @param weight lambda, the InfoNCE's weight in the objective
 */
public record Contrast(double noise, double temperature, double weight) {
  public Contrast {
    Check.nonNegative("noise", noise);
    Check.positive("temperature", temperature);
    Check.nonNegative("weight", weight);
  }

  /**
   * The propagation of K layers: the given weights, or, as both papers, the mean of layers 1..K (the
   * layer-0 table itself is left out of the final tables).
   */
  static LightGcnConfig propagation(int layers, List<Double> layerWeights) {
    Check.atLeast("layers", layers, 1);
    if (layerWeights != null) {
      return new LightGcnConfig(layers, layerWeights);
    }
    List<Double> mean = new ArrayList<>();
    mean.add(0.0);
    for (int k = 1; k <= layers; k++) {
      mean.add(1.0 / layers);
    }
    return new LightGcnConfig(layers, mean);
  }
}
