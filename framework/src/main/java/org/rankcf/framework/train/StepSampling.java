package org.rankcf.framework.train;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.spi.Sampler;

/**
 * The sampling part of an epoch: the order of the positive pairs (a shuffle or user-uniform draws), then per
 * step the next pairs, their negatives and the negatives' log-probabilities, handed to the batch.
 */
final class StepSampling {
  private final Interactions train;
  private final PairSampling pairs;
  private final int batchSize;
  private final Sampler sampler;
  private final int[] pairUsers;
  private final int[] pairItems;
  private final int[] order;
  /** Users with at least one train pair, for {@link PairSampling#USER_UNIFORM}. */
  private final int[] activeUsers;
  private final int[] users;
  private final int[] positives;
  private int[] negativeIds = new int[0];
  private float[] logQ = new float[0];
  private int negatives;

  StepSampling(Interactions train, PairSampling pairs, int batchSize, Sampler sampler) {
    this.train = train;
    this.pairs = pairs;
    this.batchSize = batchSize;
    this.sampler = sampler;
    this.pairUsers = train.pairUsers();
    this.pairItems = train.userItems();
    this.order = new int[train.size()];
    this.activeUsers = IntStream.range(0, train.numUsers()).filter(u -> train.userDegree(u) > 0).toArray();
    this.users = new int[batchSize];
    this.positives = new int[batchSize];
  }

  /** Draws the epoch's pair order from {@code random}; the steps then sample {@code negatives} per pair. */
  void startEpoch(SplittableRandom random, int negatives) {
    if (pairs == PairSampling.USER_UNIFORM) {
      drawUserUniform(random);
    } else {
      shuffle(random);
    }
    this.negatives = negatives;
    if (negativeIds.length < batchSize * Math.max(negatives, 1)) {
      negativeIds = new int[batchSize * Math.max(negatives, 1)];
    }
  }

  int steps() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /** Assigns step {@code step}'s pairs and negatives (drawn from {@code random}) to the batch. */
  void fill(int step, BatchAssembler batch, SplittableRandom random) {
    int from = step * batchSize;
    int size = Math.min(batchSize, order.length - from);
    for (int b = 0; b < size; b++) {
      int pair = order[from + b];
      users[b] = pairUsers[pair];
      positives[b] = pairItems[pair];
    }
    if (negatives > 0) {
      sampler.sample(users, positives, size, negatives, negativeIds, random);
    }
    batch.assign(users, positives, size, negativeIds, negatives);
    if (negatives > 0) {
      fillLogQ(batch, size * negatives);
    }
  }

  /** Hands the sampler's log-probabilities of the batch's negatives to the batch (sampled softmax's logQ). */
  private void fillLogQ(BatchAssembler batch, int count) {
    if (logQ.length < count) {
      logQ = new float[count];
    }
    for (int k = 0; k < count; k++) {
      logQ[k] = (float) sampler.logProbability(negativeIds[k]);
    }
    batch.setNegativeLogQ(logQ);
  }

  private void shuffle(SplittableRandom random) {
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    for (int p = order.length - 1; p > 0; p--) {
      int q = random.nextInt(p + 1);
      int t = order[p];
      order[p] = order[q];
      order[q] = t;
    }
  }

  /** Fills the epoch's pair list with draws of a uniform active user, then a uniform item of that user. */
  private void drawUserUniform(SplittableRandom random) {
    int[] userPtr = train.userPtr();
    for (int p = 0; p < order.length; p++) {
      int user = activeUsers[random.nextInt(activeUsers.length)];
      order[p] = userPtr[user] + random.nextInt(userPtr[user + 1] - userPtr[user]);
    }
  }
}
