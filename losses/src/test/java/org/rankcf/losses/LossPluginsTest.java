package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;

/**
 * Config validation and error messages of the losses. Registration, gradients, thread reproducibility and the
 * negatives requirement of every registered loss are checked generically by {@link LossPluginChecksTest}.
 */
class LossPluginsTest {
  @Test
  void directAuDefaultsAreThePapers() {
    assertThat(DirectAuLoss.Config.DEFAULTS).isEqualTo(new DirectAuLoss.Config(1.0, 2.0));
  }

  @Test
  void temperaturesMustBePositive() {
    assertThatThrownBy(() -> new SampledSoftmaxLoss.Config(0, false))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("temperature"))
        .hasMessage("temperature: must be > 0 (got 0.0)");
    assertThatThrownBy(() -> new InBatchSoftmaxLoss.Config(-1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("temperature"));
  }

  @Test
  void directAuRejectsANegativeGammaAndANonPositiveT() {
    assertThatThrownBy(() -> new DirectAuLoss.Config(-1, 2))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("gamma"))
        .hasMessage("gamma: must be >= 0 (got -1.0)");
    assertThatThrownBy(() -> new DirectAuLoss.Config(1, 0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("t"));
  }

  @Test
  void cclRejectsANegativeWeightAndAMarginOutsideTheCosineRange() {
    assertThatThrownBy(() -> new CclLoss.Config(0.5, -1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("negative-weight"));
    assertThatThrownBy(() -> new CclLoss.Config(1.5, 1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("margin"));
  }

  @Test
  void aSampledLossNeedsNegatives() {
    assertThatThrownBy(() -> new BprLoss().valueAndGradient(TestBatches.random(4, 4, 2, 3, 0, 1, 1), 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs at least one negative");
  }

  @Test
  void logQCorrectionNeedsTheBatchsLogQ() {
    SampledSoftmaxLoss loss = new SampledSoftmaxLoss(new SampledSoftmaxLoss.Config(1, true));
    assertThatThrownBy(() -> loss.valueAndGradient(TestBatches.random(4, 4, 2, 3, 1, 1, 1), 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("setNegativeLogQ");
  }
}
