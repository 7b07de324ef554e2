package org.rankcf.losses;

import java.util.List;
import java.util.SplittableRandom;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.plugin.PluginContext;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.ParameterGroup;
import org.rankcf.framework.spi.ParameterizedLoss;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * GuidedRec (IR-Benchmark's code, LOSSES.md §L8.2): a learnt surrogate of each row's DCG guides the model.
 * Scores are p = σ(cosine). Every step runs three passes on the same pairs and n negatives:
 *
 * <ol>
 *   <li>{@code guidedrec}: BCE on the model, -mean_r [n log p_r0 + Σ_k log(1 - p_rk)] (with the phase's
 *       regularizers and the model's auxiliary terms);</li>
 *   <li>{@code guidedrec-surrogate}: on the updated model, the surrogate network f_φ ({@link SurrogateNetwork})
 *       is fitted to the rows' DCG, mean_r (f_φ(X_r) - 1/log2(1 + rank of the positive among its n + 1))^2,
 *       stepping φ only (the run's optimiser and lr);</li>
 *   <li>{@code guidedrec-guided}: the model steps on -mean_r f_φ(X_r).</li>
 * </ol>
 *
 * So the model's optimiser steps twice per batch. Cost: the three passes' scoring and backward (a graph
 * backbone propagates three times) plus the network, O(B n^2) per pass, small beside the scoring.
 */
public final class GuidedRecLoss extends PairScoreLoss implements ParameterizedLoss {
  /** @param negatives n, the negatives per row the surrogate network is built for (9 in the reference) */
  public record Config(int negatives) {
    public static final Config DEFAULTS = new Config(9);

    public Config {
      Check.atLeast("negatives", negatives, 1);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(Config.class, Config.DEFAULTS,
      "GuidedRec: BCE on sigmoid(cosine), then a surrogate network of each row's DCG fitted and followed",
      GuidedRecLoss::new);

  static final LossPass BCE = new LossPass("bce", true, false);
  static final LossPass SURROGATE = new LossPass("surrogate", false, true);
  static final LossPass GUIDED = new LossPass("guided", true, false);
  private static final List<LossPass> PASSES = List.of(BCE, SURROGATE, GUIDED);
  /** Separates the network's initialisation from the model's, which draws from the run's seed. */
  private static final long NETWORK_STREAM = 0x47756964L;

  private final int negatives;
  private final SurrogateNetwork network;
  private final ParameterGroup surrogate;
  private double[] probabilities = new double[0];
  private LossPass mode = BCE;

  public GuidedRecLoss(Config config, PluginContext context) {
    super(true, false);
    this.negatives = config.negatives();
    this.network = new SurrogateNetwork(negatives + 1, new SplittableRandom(context.seed() ^ NETWORK_STREAM));
    this.surrogate = ParameterGroup.of("guidedrec-surrogate", network.tables(), lr -> lr, false);
  }

  @Override
  public List<ParameterGroup> parameterGroups() {
    return List.of(surrogate);
  }

  @Override
  public List<LossPass> passes(int epoch) {
    return PASSES;
  }

  /** The BCE pass. */
  @Override
  public double valueAndGradient(Batch batch, double weight) {
    return valueAndGradient(batch, weight, BCE);
  }

  @Override
  public double valueAndGradient(Batch batch, double weight, LossPass pass) {
    if (pass != BCE && batch.negatives() != negatives) {
      throw new ConfigException("train.sampler.negatives", "guidedrec's surrogate network is built for "
          + negatives + " negatives per pair (its key negatives), the sampler draws " + batch.negatives());
    }
    mode = pass;
    int cells = batch.size() * (batch.negatives() + 1);
    if (probabilities.length < cells) {
      probabilities = new double[cells];
    }
    double value = super.valueAndGradient(batch, weight);
    return pass == SURROGATE ? fitSurrogate(batch, weight) : value;
  }

  @Override
  protected double pairLoss(Batch batch, int r, float[] scores, int offset, int count, float[] slopes) {
    for (int k = 0; k < count; k++) {
      probabilities[offset + k] = Logits.sigmoid(scores[offset + k]);
    }
    if (mode == BCE) {
      int n = count - 1;
      double value = n * Logits.softplus(-scores[offset]);
      slopes[offset] = (float) (-n * (1 - probabilities[offset]));
      for (int k = 1; k < count; k++) {
        value += Logits.softplus(scores[offset + k]);
        slopes[offset + k] = (float) probabilities[offset + k];
      }
      return value;
    }
    if (mode == SURROGATE) {
      java.util.Arrays.fill(slopes, offset, offset + count, 0f);
      return 0;
    }
    SurrogateNetwork.Activations a = network.activations();
    double f = network.forward(probabilities, offset, a);
    double[] gradP = new double[count];
    network.backward(a, -1, gradP, 0, null);
    for (int k = 0; k < count; k++) {
      double p = probabilities[offset + k];
      slopes[offset + k] = (float) (gradP[k] * p * (1 - p));
    }
    return -f;
  }

  /** The surrogate's squared error against each row's DCG; adds weight times its φ-gradient, rows in order. */
  private double fitSurrogate(Batch batch, double weight) {
    int count = negatives + 1;
    List<EmbeddingTable> tables = network.tables();
    double[][] grads = new double[tables.size()][];
    for (int t = 0; t < grads.length; t++) {
      grads[t] = new double[tables.get(t).data().length];
    }
    SurrogateNetwork.Activations a = network.activations();
    double[] unused = new double[count];
    double sum = 0;
    for (int r = 0; r < batch.size(); r++) {
      int offset = r * count;
      double error = network.forward(probabilities, offset, a) - dcg(probabilities, offset, count);
      sum += error * error;
      network.backward(a, weight * 2 * error / batch.size(), unused, 0, grads);
    }
    for (int t = 0; t < grads.length; t++) {
      float[] into = surrogate.gradients().get(t);
      for (int e = 0; e < into.length; e++) {
        into[e] += (float) grads[t][e];
      }
    }
    return sum / batch.size();
  }

  /** 1/log2(1 + rank of the positive (first) among the row's items), ties not above it. */
  static double dcg(double[] p, int offset, int count) {
    int rank = 1;
    for (int k = 1; k < count; k++) {
      if (p[offset + k] > p[offset]) {
        rank++;
      }
    }
    return Math.log(2) / Math.log(1 + rank);
  }
}
