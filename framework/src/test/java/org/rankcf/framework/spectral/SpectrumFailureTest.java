package org.rankcf.framework.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A diverged table's spectrum ends in one divergence message, never in an eigen-solver's exception. */
class SpectrumFailureTest {
  @Test
  void nanOrInfinityInTheGramIsReportedAsDivergence() {
    double[] gram = {1, 0, 0, Double.NaN};
    assertThatThrownBy(() -> Spectra.spectrumOfGram(gram, 2)).isInstanceOf(SpectrumFailure.class)
        .hasMessage("training diverged: the embedding spectrum is undefined: the table holds NaN values "
            + "(try a lower train.optimizer.lr or regularizer weight)");
    double[] infinite = {Double.POSITIVE_INFINITY, 0, 0, 1};
    assertThatThrownBy(() -> Spectra.topEigenpair(infinite, 2)).isInstanceOf(SpectrumFailure.class)
        .hasMessageContaining("holds infinite values");
  }

  @Test
  void theEpochIsAddedByTheCaller() {
    SpectrumFailure failure = new SpectrumFailure("did not converge (max count)", null);
    assertThat(failure.atEpoch(7).getMessage()).startsWith("training diverged at epoch 7: the embedding spectrum did not converge");
  }

  @Test
  void finiteGramsStillDecompose() {
    assertThat(Spectra.spectrumOfGram(new double[] {4, 0, 0, 1}, 2).singularValues()).containsExactly(2.0, 1.0);
  }
}
