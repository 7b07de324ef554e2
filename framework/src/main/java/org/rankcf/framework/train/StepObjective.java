package org.rankcf.framework.train;

import java.util.List;
import java.util.SplittableRandom;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.ParameterizedLoss;
import org.rankcf.framework.util.UserInputException;

/**
 * The objective of one step: the phase's loss, its weighted regularizers and the model's auxiliary terms,
 * each adding its gradient into the batch; values and seconds go to the epoch's totals.
 */
final class StepObjective {
  private final List<AuxiliaryObjective> auxiliary;
  private final long seed;

  StepObjective(List<AuxiliaryObjective> auxiliary, long seed) {
    this.auxiliary = List.copyOf(auxiliary);
    this.seed = seed;
  }

  /**
   * Evaluates pass {@code passIndex} of the phase's loss on the batch of (epoch, step), with the regularizers
   * and auxiliary terms on the first pass only; fails on a non-finite objective.
   */
  double evaluate(Phase phase, LossPass pass, int passIndex, Batch batch, int epoch, int step, EpochTotals totals) {
    long start = System.nanoTime();
    double total = phase.loss() instanceof ParameterizedLoss loss
        ? loss.valueAndGradient(batch, 1.0, pass) : phase.loss().valueAndGradient(batch, 1.0);
    if (passIndex > 0) {
      totals.addTerm(phase.lossName() + "-" + pass.name(), total, start);
      checkFinite(total, epoch, step);
      return total;
    }
    start = totals.addTerm(phase.lossName(), total, start);
    for (WeightedRegularizer reg : phase.regularizers()) {
      double value = reg.regularizer().valueAndGradient(batch, reg.weight());
      start = totals.addTerm(reg.name(), value, start);
      total += reg.weight() * value;
    }
    if (!auxiliary.isEmpty()) {
      // a stream of its own per step: no draw of the sampler's stream moves, whatever the terms draw
      SplittableRandom random = new SplittableRandom(Trainer.mix(Trainer.mix(seed, epoch), step));
      for (AuxiliaryObjective term : auxiliary) {
        double value = term.valueAndGradient(batch, term.weight(), random.split());
        start = totals.addTerm(term.name(), value, start);
        total += term.weight() * value;
      }
    }
    checkFinite(total, epoch, step);
    totals.addObjective(total);
    return total;
  }

  private static void checkFinite(double total, int epoch, int step) {
    if (!Double.isFinite(total)) {
      throw new UserInputException("training diverged at epoch " + epoch + ", step " + step
          + ": the objective is " + total + " (try a lower train.optimizer.lr)");
    }
  }
}
