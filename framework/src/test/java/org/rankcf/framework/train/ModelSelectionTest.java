package org.rankcf.framework.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.optim.Adam;
import org.rankcf.framework.optim.AdamConfig;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.sampler.UniformSampler;
import org.rankcf.framework.spi.Evaluator;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;

/** The validation cadence, the tie rule and the fixed budget of {@link ModelSelection} inside the trainer. */
class ModelSelectionTest {
  private static final Interactions TRAIN = Interactions.fromPairs(6, 5,
      new int[] {0, 0, 1, 2, 3, 4, 5, 5}, new int[] {0, 1, 2, 3, 4, 0, 1, 2});

  /** A loss of constant value without gradient: the scripted evaluator decides everything. */
  private static final Loss CONSTANT = new Loss() {
    @Override
    public boolean usesNegatives() {
      return false;
    }

    @Override
    public double valueAndGradient(Batch batch, double weight) {
      return 1.0;
    }
  };

  /** Hands out the scores in order, one per validation, and records which epochs asked. */
  private static final class Scripted implements Evaluator {
    final List<Integer> askedAt = new ArrayList<>();
    private final double[] scores;
    private final Trainer[] trainer = new Trainer[1];

    Scripted(double... scores) {
      this.scores = scores;
    }

    @Override
    public Map<String, Double> validate(org.rankcf.framework.spi.Model model) {
      askedAt.add(trainer[0].state().epoch());
      return Map.of("ndcg@20", scores[Math.min(askedAt.size() - 1, scores.length - 1)]);
    }
  }

  private static TrainingResult fit(ModelSelection selection, int epochs, int patience, Scripted evaluator) {
    MatrixFactorization mf = new MatrixFactorization(6, 5, 4, new Initializer("normal", 0.1), 3);
    TrainerConfig config = new TrainerConfig(epochs, 4, 0, patience, "ndcg@20", 7, 0, PairSampling.ALL, selection);
    Trainer trainer = new Trainer(config, Schedule.tuneOnly(new Phase(PhaseKind.TUNE, "constant", CONSTANT, List.of())),
        mf, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
        new Adam(new AdamConfig(0.01, 0, 0.9, 0.999, 1e-8, false), mf.parameters()), evaluator, TRAIN, Parallel.serial());
    evaluator.trainer[0] = trainer;
    return trainer.fit();
  }

  @Test
  void validatesAfterEveryKthEpochAndAfterTheLast() {
    Scripted evaluator = new Scripted(0.1, 0.2, 0.3);
    TrainingResult result = fit(new ModelSelection(5, false, true), 12, 10, evaluator);
    // epochs 5 and 10 (1-based) and the budget's last, 12
    assertThat(evaluator.askedAt).containsExactly(4, 9, 11);
    assertThat(result.epochs()).hasSize(12);
    assertThat(result.epochs().get(3).validation()).isEmpty();
    assertThat(result.epochs().get(4).validation()).containsEntry("ndcg@20", 0.1);
    assertThat(result.epochs().get(3).improved()).isFalse();
    assertThat(result.bestEpoch()).isEqualTo(11);
  }

  @Test
  void tiesGoToTheLaterEpochWhenAsked() {
    double[] scores = {0.2, 0.3, 0.3, 0.1};
    assertThat(fit(new ModelSelection(5, true, false), 20, 1, new Scripted(scores)).bestEpoch()).isEqualTo(14);
    assertThat(fit(new ModelSelection(5, false, false), 20, 1, new Scripted(scores)).bestEpoch()).isEqualTo(9);
  }

  @Test
  void withoutEarlyStoppingTheWholeBudgetIsTrained() {
    double[] flat = {0.5, 0.4, 0.4, 0.4, 0.4};
    TrainingResult fixed = fit(new ModelSelection(1, true, false), 5, 1, new Scripted(flat));
    assertThat(fixed.epochs()).hasSize(5);
    assertThat(fixed.stopReason()).isEqualTo("max-epochs");
    assertThat(fixed.bestEpoch()).isZero();
    TrainingResult stopped = fit(new ModelSelection(1, false, true), 5, 1, new Scripted(flat));
    assertThat(stopped.epochs()).hasSize(2);
    assertThat(stopped.stopReason()).isEqualTo("early-stopping");
  }

  @Test
  void patienceCountsValidationsNotEpochs() {
    // validations at epochs 1, 3, 5, 7: the second and third do not improve, patience 2 stops after the third
    Scripted evaluator = new Scripted(0.5, 0.4, 0.4, 0.9);
    TrainingResult result = fit(new ModelSelection(2, false, true), 20, 2, evaluator);
    assertThat(evaluator.askedAt).containsExactly(1, 3, 5);
    assertThat(result.epochs()).hasSize(6);
  }

  @Test
  void aNaNScoreIsNeverKeptAndTheDefaultIsTheOldRule() {
    assertThat(new ModelSelection(1, true, false).replaces(Double.NaN, Double.NEGATIVE_INFINITY)).isFalse();
    assertThat(ModelSelection.EVERY_EPOCH.replaces(0.3, 0.3)).isFalse();
    assertThat(ModelSelection.EVERY_EPOCH.validates(0, 100)).isTrue();
    assertThatThrownBy(() -> new ModelSelection(0, false, true)).isInstanceOf(ConfigException.class)
        .hasMessage("validate-every: must be >= 1 (got 0)");
  }
}
