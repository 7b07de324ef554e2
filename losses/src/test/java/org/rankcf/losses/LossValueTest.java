package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.testing.TestBatches;

/** Loss values on tiny batches worked out by hand. */
class LossValueTest {
  private static final double EXACT = 1e-6;

  /** One pair: u = (1, 0), positive (2, 0), negative (0.5, 0); scores 2 and 0.5. */
  private static Batch onePair() {
    return TestBatches.of(new float[][] {{1, 0}}, new float[][] {{2, 0}, {0.5f, 0}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
  }

  @Test
  void bprOfOnePair() {
    Batch batch = onePair();
    // -log sigmoid(2 - 0.5) = log(1 + e^-1.5)
    assertThat(new BprLoss().valueAndGradient(batch, 1.0)).isCloseTo(0.2014132779827524, within(EXACT));
    // d/du = -sigmoid(-1.5) (i - j) = -0.18242552 * (1.5, 0)
    assertThat((double) batch.userGrad()[0]).isCloseTo(-0.2736382825, within(EXACT));
    assertThat((double) batch.itemGrad()[0]).isCloseTo(-0.1824255238, within(EXACT));
    assertThat((double) batch.itemGrad()[2]).isCloseTo(0.1824255238, within(EXACT));
  }

  @Test
  void bprAveragesOverThePairsAndTheirNegatives() {
    // scores: positive 1, negatives 1 and 3 -> (log 2 + log(1 + e^2)) / 2
    Batch batch = TestBatches.of(new float[][] {{1}}, new float[][] {{1}, {3}},
        new int[] {0}, new int[] {0}, new int[] {0, 1}, 2);
    assertThat(new BprLoss().valueAndGradient(batch, 1.0))
        .isCloseTo((Math.log(2) + 2.1269280110429727) / 2, within(EXACT));
  }

  @Test
  void bprStaysFiniteForHugeMargins() {
    Batch batch = TestBatches.of(new float[][] {{100}}, new float[][] {{-50}, {50}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    // margin s_neg - s_pos = 10000: softplus is the margin itself, d/du = sigmoid(10000) (j - i) = 100
    assertThat(new BprLoss().valueAndGradient(batch, 1.0)).isCloseTo(10000, within(EXACT));
    assertThat(batch.userGrad()[0]).isEqualTo(100f);
  }

  @Test
  void bceOfOnePair() {
    // softplus(-2) + softplus(0.5)
    assertThat(new BceLoss().valueAndGradient(onePair(), 1.0)).isCloseTo(0.1269280110429725 + 0.9740769841801067,
        within(EXACT));
  }

  @Test
  void sampledSoftmaxWithOneNegativeIsBpr() {
    SampledSoftmaxLoss loss = new SampledSoftmaxLoss(SampledSoftmaxLoss.Config.DEFAULTS);
    assertThat(loss.valueAndGradient(onePair(), 1.0)).isCloseTo(0.2014132779827524, within(EXACT));
  }

  @Test
  void sampledSoftmaxTemperatureDividesTheScores() {
    // t = 0.5: log(1 + e^(1 - 4))
    SampledSoftmaxLoss loss = new SampledSoftmaxLoss(new SampledSoftmaxLoss.Config(0.5, false));
    assertThat(loss.valueAndGradient(onePair(), 1.0)).isCloseTo(0.04858735157374206, within(EXACT));
  }

  @Test
  void sampledSoftmaxLogQRaisesARareNegativesLogit() {
    // q = 1/4: the negative's logit is 0.5 + log 4, so the loss is log(1 + 4 e^-1.5)
    Batch batch = onePair();
    new BatchAssembler(batch).setNegativeLogQ(new float[] {(float) Math.log(0.25)});
    SampledSoftmaxLoss loss = new SampledSoftmaxLoss(new SampledSoftmaxLoss.Config(1.0, true));
    assertThat(loss.valueAndGradient(batch, 1.0)).isCloseTo(Math.log(1 + 4 * Math.exp(-1.5)), within(EXACT));
  }

  @Test
  void inBatchSoftmaxOfTwoPairs() {
    // logits: pair 0 [1, 0] target 0; pair 1 [0, 2] target 1
    Batch batch = TestBatches.of(new float[][] {{1, 0}, {0, 1}}, new float[][] {{1, 0}, {0, 2}},
        new int[] {0, 1}, new int[] {0, 1}, new int[0], 0);
    double expected = (Math.log(1 + Math.exp(-1)) + Math.log(1 + Math.exp(-2))) / 2;
    assertThat(new InBatchSoftmaxLoss(InBatchSoftmaxLoss.Config.DEFAULTS).valueAndGradient(batch, 1.0))
        .isCloseTo(expected, within(EXACT));
  }

  @Test
  void inBatchSoftmaxNeverUsesAPairsOwnItemAsItsNegative() {
    // item 0 is the positive of two pairs: the columns are {0, 1}, not {0, 0, 1}
    Batch batch = TestBatches.of(new float[][] {{1, 0}, {0, 1}}, new float[][] {{1, 0}, {0, 2}},
        new int[] {0, 0, 1}, new int[] {0, 0, 1}, new int[0], 0);
    double first = Math.log(1 + Math.exp(-1));
    double expected = (2 * first + Math.log(1 + Math.exp(-2))) / 3;
    assertThat(new InBatchSoftmaxLoss(InBatchSoftmaxLoss.Config.DEFAULTS).valueAndGradient(batch, 1.0))
        .isCloseTo(expected, within(EXACT));
  }

  /** Users (1, 0), (0, 1); items (2, 0), (0, -3): pair 0 aligned, pair 1 opposite. */
  private static Batch alignedAndOpposite() {
    return TestBatches.of(new float[][] {{1, 0}, {0, 1}}, new float[][] {{2, 0}, {0, -3}},
        new int[] {0, 1}, new int[] {0, 1}, new int[0], 0);
  }

  @Test
  void alignmentIsTheMeanSquaredDistanceOfTheUnitRows() {
    // ||(1,0) - (1,0)||^2 = 0 and ||(0,1) - (0,-1)||^2 = 4
    assertThat(new AlignmentLoss().valueAndGradient(alignedAndOpposite(), 1.0)).isCloseTo(2.0, within(EXACT));
  }

  @Test
  void directAuAddsGammaTimesTheMeanUniformity() {
    // both pairs of unit rows are orthogonal: ||x^_1 - x^_2||^2 = 2, unif = log e^(-2 * 2) = -4 on each side
    DirectAuLoss loss = new DirectAuLoss(new DirectAuLoss.Config(0.5, 2.0));
    assertThat(loss.valueAndGradient(alignedAndOpposite(), 1.0)).isCloseTo(2.0 + 0.5 * -4.0, within(EXACT));
  }

  @Test
  void cclOfOnePairWithTwoNegatives() {
    // cos(u, i) = 1/sqrt 2; negatives at cos 1 and 0, margin 0.5, w = 2: (w / N) * (0.5 + 0)
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{1, 1}, {3, 0}, {0, 1}},
        new int[] {0}, new int[] {0}, new int[] {1, 2}, 2);
    double expected = 1 - Math.sqrt(0.5) + 0.5;
    assertThat(new CclLoss(new CclLoss.Config(0.5, 2.0)).valueAndGradient(batch, 1.0))
        .isCloseTo(expected, within(EXACT));
  }
}
