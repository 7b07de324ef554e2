package org.rankcf.framework.train;

import java.util.Map;
import java.util.SplittableRandom;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.spi.Evaluator;

/** The tiny training runs the checkpoint and trainer-seam tests share. */
final class SmallRuns {
  private SmallRuns() {}

  /** 200 random pairs over 30 users and 20 items. */
  static Interactions pairs() {
    SplittableRandom random = new SplittableRandom(2);
    int[] users = random.ints(200, 0, 30).toArray();
    int[] items = random.ints(200, 0, 20).toArray();
    return Interactions.fromPairs(30, 20, users, items);
  }

  /** MF of dimension 4 over the pairs' ids, N(0, 0.5^2), the same tables for every call. */
  static MatrixFactorization mf(Interactions train) {
    return new MatrixFactorization(train.numUsers(), train.numItems(), 4, new Initializer("normal", 0.5), 3);
  }

  /**
   * Every epoch improves (epoch e scores e - firstEpoch + 1 on from {@code firstEpoch}), so the best epoch is
   * the last and the restored model is the trained one; a resumed run passes the epoch it resumes at.
   */
  static Evaluator risingScore(int firstEpoch) {
    int[] epoch = {firstEpoch};
    return model -> Map.of("ndcg@20", (double) ++epoch[0]);
  }
}
