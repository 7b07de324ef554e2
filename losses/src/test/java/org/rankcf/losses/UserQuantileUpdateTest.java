package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.util.Parallel;

/**
 * SL@K's beta update on gathered dot products, over rows in parallel, against the rule written out: for each
 * user the last row of the batch sets beta to the K-th largest cosine of its truncated positives and the
 * row's negatives, by a full sort of cosines taken in double; users without a row keep their beta.
 */
class UserQuantileUpdateTest {
  private static final int USERS = 40;
  private static final int ITEMS = 70;
  private static final int K = 5;
  private static final int NEGATIVES = 23;

  /** User u trains on 1 + (u * 7) % 30 distinct items, so the 90th-percentile cut applies to some users. */
  private static Interactions train(SplittableRandom random) {
    int[] users = new int[USERS * 30];
    int[] items = new int[USERS * 30];
    int count = 0;
    for (int u = 0; u < USERS; u++) {
      int degree = 1 + (u * 7) % 30;
      int start = random.nextInt(ITEMS);
      for (int j = 0; j < degree; j++) {
        users[count] = u;
        items[count++] = (start + 3 * j) % ITEMS;
      }
    }
    return Interactions.fromPairs(USERS, ITEMS, users, items, count);
  }

  /** 90 rows over 25 of the users (so users repeat, and some have no row), N uniform negatives each. */
  private static Batch batch(SplittableRandom random, int dim, Parallel parallel) {
    int size = 90;
    int[] users = new int[size];
    int[] positives = new int[size];
    int[] negatives = new int[size * NEGATIVES];
    for (int b = 0; b < size; b++) {
      users[b] = random.nextInt(25);
      positives[b] = random.nextInt(ITEMS);
    }
    for (int n = 0; n < negatives.length; n++) {
      negatives[n] = random.nextInt(ITEMS);
    }
    BatchAssembler assembler = new BatchAssembler(USERS, ITEMS, dim);
    assembler.setParallel(parallel);
    assembler.assign(users, positives, size, negatives, NEGATIVES);
    return assembler.batch();
  }

  private static float[] update(KernelPath kernels, int threads, int dim) {
    SplittableRandom random = new SplittableRandom(11);
    Interactions train = train(random);
    MatrixFactorization model = new MatrixFactorization(USERS, ITEMS, dim, new Initializer("normal", 1.0), 5);
    try (Parallel parallel = new Parallel(threads)) {
      Batch batch = batch(random, dim, parallel);
      UserQuantile quantile = new UserQuantile(train, K, 2, kernels);
      Arrays.fill(quantile.betas(), 7f);
      quantile.startEpoch(1);
      quantile.afterStep(batch, model);
      float[] betas = quantile.betas().clone();

      float[] expected = reference(train, batch, model);
      for (int u = 0; u < USERS; u++) {
        assertThat((double) betas[u]).as("user %d", u).isCloseTo(expected[u], within(1e-5));
      }
      return betas;
    }
  }

  private static float[] reference(Interactions train, Batch batch, MatrixFactorization model) {
    int kept = (int) Math.floor(UserQuantile.percentile90(train));
    float[] expected = new float[USERS];
    Arrays.fill(expected, 7f);
    for (int b = 0; b < batch.size(); b++) {
      int user = batch.userIds()[b];
      int[] items = Arrays.copyOfRange(train.userItems(), train.userPtr()[user], train.userPtr()[user + 1]);
      Arrays.sort(items);
      int m = Math.min(kept, items.length);
      double[] scores = new double[m + NEGATIVES];
      for (int t = 0; t < m; t++) {
        scores[t] = cosine(model, user, items[t]);
      }
      for (int j = 0; j < NEGATIVES; j++) {
        scores[m + j] = cosine(model, user, batch.negativeIds()[b * NEGATIVES + j]);
      }
      Arrays.sort(scores);
      expected[user] = (float) scores[scores.length - K];
    }
    return expected;
  }

  private static double cosine(MatrixFactorization model, int user, int item) {
    int dim = model.dim();
    double dot = 0;
    double userSquares = 0;
    double itemSquares = 0;
    for (int t = 0; t < dim; t++) {
      double x = model.users().data()[user * dim + t];
      double y = model.items().data()[item * dim + t];
      dot += x * y;
      userSquares += x * x;
      itemSquares += y * y;
    }
    return dot / Math.sqrt(userSquares * itemSquares);
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 19})
  void bothKernelPathsMatchTheRuleAndIgnoreTheThreadCount(int dim) {
    KernelPath vector = Kernels.vector();
    assertThat(vector).as("the build adds jdk.incubator.vector").isNotNull();
    for (KernelPath kernels : new KernelPath[] {Kernels.scalar(), vector}) {
      float[] oneThread = update(kernels, 1, dim);
      float[] twoThreads = update(kernels, 2, dim);
      for (int u = 0; u < USERS; u++) {
        assertThat(Float.floatToRawIntBits(twoThreads[u])).as("user %d", u)
            .isEqualTo(Float.floatToRawIntBits(oneThread[u]));
      }
    }
  }
}
