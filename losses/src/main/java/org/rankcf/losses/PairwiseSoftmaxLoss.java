package org.rankcf.losses;

import java.util.Locale;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * PSL, the pairwise softmax loss (LOSSES.md L3): log sum over the N negatives of exp(psi(d) / t) with
 * d = (c_neg - c_pos) / 2 the half-cosine difference and psi = log phi, phi a surrogate of the step function
 * below e^d. relu's phi is 0 at d = -1: psi is then -infinity and the negative takes no part.
 */
public final class PairwiseSoftmaxLoss extends PairScoreLoss {
  /** phi, the activation; {@link #psi} = log phi and {@link #slope} = psi'. */
  enum Activation {
    TANH {
      @Override
      double psi(double d) {
        return Math.log1p(Math.tanh(d));
      }

      @Override
      double slope(double d) {
        return 1 - Math.tanh(d);
      }
    },
    ATAN {
      @Override
      double psi(double d) {
        return Math.log1p(Math.atan(d));
      }

      @Override
      double slope(double d) {
        return 1 / ((1 + d * d) * (1 + Math.atan(d)));
      }
    },
    RELU {
      @Override
      double psi(double d) {
        return d > -1 ? Math.log1p(d) : Double.NEGATIVE_INFINITY;
      }

      @Override
      double slope(double d) {
        return 1 / (1 + d);
      }
    };

    abstract double psi(double d);

    /** psi'(d), only asked where psi is finite. */
    abstract double slope(double d);

    static Activation named(String name) {
      for (Activation activation : values()) {
        if (activation.name().toLowerCase(Locale.ROOT).equals(name)) {
          return activation;
        }
      }
      throw new ConfigException("activation", "must be tanh, atan or relu (got " + name + ")");
    }
  }

  /**
   * @param activation tanh, atan or relu: phi(d) = 1 + tanh d, 1 + arctan d, max(d + 1, 0)
   * @param temperature t (the papers' tau*)
   */
  public record Config(String activation, double temperature) {
    public static final Config DEFAULTS = new Config("relu", 1.0);

    public Config {
      Activation.named(activation);
      Check.positive("temperature", temperature);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "PSL: log sum_j exp(log phi((cos(u,j) - cos(u,i)) / 2) / temperature), "
          + "phi from activation tanh | atan | relu",
      (config, context) -> new PairwiseSoftmaxLoss(config));

  private final Activation activation;
  private final double inverseTemperature;

  public PairwiseSoftmaxLoss(Config config) {
    super(true, true);
    this.activation = Activation.named(config.activation());
    this.inverseTemperature = 1 / config.temperature();
  }

  @Override
  protected double pairLoss(Batch batch, int b, float[] scores, int offset, int count, float[] slopes) {
    double positive = scores[offset];
    for (int k = 1; k < count; k++) {
      slopes[offset + k] = (float) (activation.psi((scores[offset + k] - positive) / 2) * inverseTemperature);
    }
    // q_k / t into the slopes, then d loss / d c_neg = (q_k / t) psi'(d) / 2 and d / d c_pos is minus their sum
    double value = Logits.logSumExp(slopes, offset + 1, count - 1, slopes, inverseTemperature);
    double positiveSlope = 0;
    for (int k = 1; k < count; k++) {
      float weight = slopes[offset + k];
      if (weight != 0f) {
        double slope = weight * activation.slope((scores[offset + k] - positive) / 2) / 2;
        slopes[offset + k] = (float) slope;
        positiveSlope -= slope;
      }
    }
    slopes[offset] = (float) positiveSlope;
    return value;
  }
}
