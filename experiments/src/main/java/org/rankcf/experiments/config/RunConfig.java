package org.rankcf.experiments.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.train.ModelSelection;
import org.rankcf.framework.train.PairSampling;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Sampler;

/**
 * A validated run configuration: every plug-in resolved and its record bound.
 *
 * @param normalize row-normalise the model's final tables inside its forward pass (model.normalize)
 * @param selection the validation cadence, tie rule and early-stopping switch (train.validate-every, ...)
 * @param resolved the effective configuration (defaults filled in) for the run manifest
 */
public record RunConfig(
    String name, long seed, int threads, DatasetSpec data, BoundPlugin<Model> model, int dim, Initializer init,
    boolean normalize, int epochs, int batchSize, int patience, int minEpochs, PairSampling pairs, String metric,
    ModelSelection selection, PhaseSpec tune,
    WarmStartSpec warmStart,
    BoundPlugin<Sampler> sampler, int negatives, BoundPlugin<Optimizer.Builder> optimizer, EvalSpec eval, ObjectNode resolved) {
  /** The report's cut-offs. */
  public List<Integer> ks() {
    return eval.ks();
  }
}
