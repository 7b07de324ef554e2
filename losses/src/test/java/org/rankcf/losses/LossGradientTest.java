package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;

/**
 * Every loss's gradient against central differences of a double-precision reference written from its
 * formula, on batches where users, positives and negatives repeat.
 */
class LossGradientTest {
  private static final double H = 1e-4;
  private static final double TOLERANCE = 1e-3;

  /** 16 pairs over 6 users and 9 items with 3 negatives each. */
  private static Batch repeatedIds(long seed) {
    return TestBatches.repeatingIds(3, 0.7, seed);
  }

  @Test
  void bpr() {
    Batch batch = repeatedIds(1);
    GradientCheck.assertGradientMatches(new BprLoss(), batch, LossReferences.bpr(batch), H, TOLERANCE);
  }

  @Test
  void bprAlsoAgainstFloatDifferencesOfItself() {
    GradientCheck.assertGradientMatches(new BprLoss(), repeatedIds(11), 1e-2, 1e-2);
  }

  @Test
  void bce() {
    Batch batch = repeatedIds(2);
    GradientCheck.assertGradientMatches(new BceLoss(), batch, LossReferences.bce(batch), H, TOLERANCE);
  }

  @Test
  void sampledSoftmax() {
    Batch batch = repeatedIds(3);
    GradientCheck.assertGradientMatches(new SampledSoftmaxLoss(SampledSoftmaxLoss.Config.DEFAULTS), batch,
        LossReferences.sampledSoftmax(batch, 1.0, false), H, TOLERANCE);
  }

  @Test
  void sampledSoftmaxWithTemperatureAndLogQ() {
    Batch batch = repeatedIds(4);
    SplittableRandom random = new SplittableRandom(4);
    float[] logQ = new float[batch.size() * batch.negatives()];
    for (int k = 0; k < logQ.length; k++) {
      logQ[k] = (float) (-1 - 2 * random.nextDouble());
    }
    new BatchAssembler(batch).setNegativeLogQ(logQ);
    GradientCheck.assertGradientMatches(new SampledSoftmaxLoss(new SampledSoftmaxLoss.Config(0.5, true)), batch,
        LossReferences.sampledSoftmax(batch, 0.5, true), H, TOLERANCE);
  }

  @Test
  void inBatchSoftmax() {
    Batch batch = repeatedIds(5);
    GradientCheck.assertGradientMatches(new InBatchSoftmaxLoss(new InBatchSoftmaxLoss.Config(0.5)), batch,
        LossReferences.inBatchSoftmax(batch, 0.5), H, TOLERANCE);
  }

  @Test
  void alignment() {
    Batch batch = repeatedIds(6);
    GradientCheck.assertGradientMatches(new AlignmentLoss(), batch, LossReferences.alignment(batch), H, TOLERANCE);
  }

  @Test
  void directAu() {
    Batch batch = repeatedIds(7);
    GradientCheck.assertGradientMatches(new DirectAuLoss(new DirectAuLoss.Config(0.8, 2.0)), batch,
        LossReferences.directAu(batch, 0.8, 2.0), H, TOLERANCE);
  }

  @Test
  void ccl() {
    Batch batch = repeatedIds(8);
    double margin = 0.1;
    // the check is only meaningful with negatives on both sides of the margin, none at the kink
    int above = 0;
    int below = 0;
    double[] users = toDouble(batch.users());
    double[] items = toDouble(batch.items());
    for (int b = 0; b < batch.size(); b++) {
      for (int k = 1; k <= batch.negatives(); k++) {
        double excess = LossReferences.cosine(batch, users, items, b, k) - margin;
        assertThat(Math.abs(excess)).isGreaterThan(1e-3);
        above += excess > 0 ? 1 : 0;
        below += excess < 0 ? 1 : 0;
      }
    }
    assertThat(above).isPositive();
    assertThat(below).isPositive();
    GradientCheck.assertGradientMatches(new CclLoss(new CclLoss.Config(margin, 3.0)), batch,
        LossReferences.ccl(batch, margin, 3.0), H, TOLERANCE);
  }

  private static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      out[t] = x[t];
    }
    return out;
  }

  @Test
  void softmax() {
    Batch batch = repeatedIds(21);
    GradientCheck.assertGradientMatches(SoftmaxLoss.create(0.5), batch, LossReferences.softmax(batch, 0.5), H,
        TOLERANCE);
  }

  @Test
  void bilateralSoftmaxAgainstItsTwoTemperatureFormula() {
    Batch batch = repeatedIds(22);
    GradientCheck.assertGradientMatches(BilateralSoftmaxLoss.create(0.4, 0.8), batch,
        LossReferences.bilateralSoftmax(batch, 0.4, 0.8), H, TOLERANCE);
  }

  @Test
  void pairwiseSoftmaxForEachActivation() {
    long seed = 23;
    for (String activation : new String[] {"tanh", "atan", "relu"}) {
      Batch batch = repeatedIds(seed++);
      GradientCheck.assertGradientMatches(new PairwiseSoftmaxLoss(new PairwiseSoftmaxLoss.Config(activation, 0.5)),
          batch, LossReferences.pairwiseSoftmax(batch, activation, 0.5), H, TOLERANCE);
    }
  }
}
