package org.rankcf.framework.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rankcf.framework.spi.LossPass;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.ParameterGroup;
import org.rankcf.framework.spi.ParameterizedLoss;
import org.rankcf.framework.util.Parallel;

/**
 * The losses' own parameters ({@link ParameterizedLoss}): an optimiser per group, built from the model's
 * optimiser, the passes of each step, and after each pass the groups' step (ascent groups on the negated
 * gradient) or the discarding of their gradient. A phase whose loss owns nothing runs the single
 * {@link #MODEL_PASS}.
 */
final class OwnParameterUpdates {
  /** The one pass of a plain loss: the model steps. */
  static final LossPass MODEL_PASS = new LossPass("model", true, false);
  private static final List<LossPass> MODEL_ONLY = List.of(MODEL_PASS);

  /** A group with its optimiser and the loss that owns it. */
  record Stepped(ParameterizedLoss loss, ParameterGroup group, Optimizer optimizer) {}

  private final List<Stepped> groups = new ArrayList<>();
  private final Parallel parallel;

  OwnParameterUpdates(Schedule schedule, Optimizer modelOptimizer, Parallel parallel) {
    this.parallel = parallel;
    for (Phase phase : new Phase[] {schedule.warm(), schedule.tune()}) {
      if (phase != null && phase.loss() instanceof ParameterizedLoss loss && groups.stream().noneMatch(s -> s.loss() == loss)) {
        for (ParameterGroup group : loss.parameterGroups()) {
          groups.add(new Stepped(loss, group, modelOptimizer.forGroup(group.tables(), group.learningRate())));
        }
      }
    }
  }

  /** Every group of every phase's loss, warm before tune, each group in its loss's order (checkpoints). */
  List<Stepped> groups() {
    return groups;
  }

  void startEpoch(int epoch) {
    groups.forEach(s -> s.optimizer().startEpoch(epoch));
  }

  static List<LossPass> passes(Phase phase, int epoch) {
    return phase.loss() instanceof ParameterizedLoss loss ? loss.passes(epoch) : MODEL_ONLY;
  }

  /** Steps the phase's loss's groups on the pass's gradient, or clears that gradient. */
  void afterPass(Phase phase, LossPass pass) {
    if (!(phase.loss() instanceof ParameterizedLoss loss)) {
      return;
    }
    for (Stepped s : groups) {
      if (s.loss() != loss) {
        continue;
      }
      if (!pass.stepsOwnParameters()) {
        s.group().gradients().forEach(g -> Arrays.fill(g, 0f));
      } else {
        if (s.group().ascent()) {
          for (float[] g : s.group().gradients()) {
            for (int t = 0; t < g.length; t++) {
              g[t] = -g[t];
            }
          }
        }
        s.optimizer().step(s.group().gradients(), parallel);
      }
    }
    if (pass.stepsOwnParameters()) {
      loss.afterParameterStep();
    }
  }
}
