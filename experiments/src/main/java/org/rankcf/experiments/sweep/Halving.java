package org.rankcf.experiments.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Successive halving with epochs as the resource: every run trains to the first rung ({@code minEpochs});
 * at each rung the runs that compete (same arm and seed, differing in the select-over axes) are ranked by
 * their best validation metric so far, the best 1/{@code reduction} of them (at least one) train on to the
 * next rung from their checkpoints, and the others stop there, marked pruned. Rungs are
 * {@code minEpochs * reduction^k} below {@code maxEpochs}, then {@code maxEpochs}.
 *
 * @param asynchronous promote without waiting for a rung to fill ({@link AsynchronousHalving}, ASHA) instead of
 *     rung by rung ({@link SuccessiveHalving})
 */
public record Halving(int minEpochs, int maxEpochs, int reduction, boolean asynchronous) {
  /** Synchronous halving. */
  public Halving(int minEpochs, int maxEpochs, int reduction) {
    this(minEpochs, maxEpochs, reduction, false);
  }

  /** The epoch budget of each rung, ascending, the last one {@code maxEpochs}. */
  public List<Integer> rungs() {
    List<Integer> rungs = new ArrayList<>();
    for (long epochs = minEpochs; epochs < maxEpochs; epochs *= reduction) {
      rungs.add((int) epochs);
    }
    rungs.add(maxEpochs);
    return rungs;
  }

  /** How many of {@code competing} runs go on to the next rung once the rung can gain no more runs. */
  public int promoted(int competing) {
    return Math.max(1, competing / reduction);
  }

  /** How many of the {@code competing} runs that reached a rung so far may go on while more can still arrive. */
  public int promotedSoFar(int competing) {
    return competing / reduction;
  }
}
