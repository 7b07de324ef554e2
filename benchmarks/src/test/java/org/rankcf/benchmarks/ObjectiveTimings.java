package org.rankcf.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.objective.BatchUniformity;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spectral.Spectra;
import org.rankcf.framework.spi.Objective;
import org.rankcf.framework.testing.DataPaths;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.Parallel;
import org.rankcf.losses.AlignmentLoss;
import org.rankcf.losses.BprLoss;
import org.rankcf.losses.DirectAuLoss;
import org.rankcf.regularizers.StableRankRegularizer;

/**
 * Wall-clock cost of one objective step on paper-sized batches of gowalla training pairs (negatives uniform
 * over all items, N(0, 1) embeddings, d = 64). A measurement run by hand, not a test:
 * {@code java --add-modules jdk.incubator.vector -cp <classes> org.rankcf.benchmarks.ObjectiveTimings [threads]}.
 */
public final class ObjectiveTimings {
  private static final int DIM = 64;
  private static final int REPEATS = 30;
  private static final int WARM_UP = 10;
  private static final double BUDGET_MILLIS = 30_000;

  private ObjectiveTimings() {}

  public static void main(String[] args) throws IOException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int[][] pairs = readLightGcn(DataPaths.sharedData("gowalla").resolve("train.txt"));
    int numUsers = 29858;
    int numItems = 40981;
    SplittableRandom random = new SplittableRandom(123);
    EmbeddingTable users = TestBatches.table(numUsers, DIM, 1.0, random);
    EmbeddingTable items = TestBatches.table(numItems, DIM, 1.0, random);
    System.out.printf("kernel path %s, threads %d%n", Kernels.path().name(), threads);
    try (Parallel parallel = new Parallel(threads)) {
      Batch bpr = batch(pairs, users, items, 16384, 1, random, parallel);
      time("BPR loss", new BprLoss(), bpr);
      StableRankRegularizer stableRank = new StableRankRegularizer();
      time("stable-rank regularizer", stableRank, bpr);
      time("  of which the user Gram", (batch, weight) ->
          Spectra.gram(batch.users(), batch.numUniqueUsers(), DIM, batch.parallel())[0], bpr);
      double[] gram = Spectra.gram(bpr.users(), bpr.numUniqueUsers(), DIM, parallel);
      time("  of which one top eigenpair", (batch, weight) -> Spectra.topEigenpair(gram, DIM).value(), bpr);

      Batch directAu = batch(pairs, users, items, 8192, 0, random, parallel);
      time("DirectAU loss", new DirectAuLoss(DirectAuLoss.Config.DEFAULTS), directAu);
      time("  of which alignment", new AlignmentLoss(), directAu);
      BatchUniformity uniformity = new BatchUniformity(BatchUniformity.DEFAULT_T);
      time("  of which uniformity", uniformity::valueAndGradient, directAu);
      time("stable-rank regularizer", stableRank, directAu);
    }
  }

  private static Batch batch(int[][] pairs, EmbeddingTable users, EmbeddingTable items, int size, int negatives,
      SplittableRandom random, Parallel parallel) {
    int[] u = new int[size];
    int[] pos = new int[size];
    int[] neg = new int[size * negatives];
    for (int b = 0; b < size; b++) {
      int pair = random.nextInt(pairs[0].length);
      u[b] = pairs[0][pair];
      pos[b] = pairs[1][pair];
    }
    for (int k = 0; k < neg.length; k++) {
      neg[k] = random.nextInt(items.rows());
    }
    BatchAssembler batch = new BatchAssembler(users.rows(), items.rows(), DIM);
    batch.assign(u, pos, size, neg, negatives);
    batch.gather(users, items, new float[users.data().length], new float[items.data().length]);
    batch.setParallel(parallel);
    Batch gathered = batch.batch();
    System.out.printf("batch B=%d N=%d: %d unique users, %d unique items (%d positive)%n", size, negatives,
        gathered.numUniqueUsers(), gathered.numUniqueItems(), gathered.numPositiveItems());
    return gathered;
  }

  private static void time(String name, Objective objective, Batch batch) {
    double[] millis = new double[REPEATS];
    double sink = 0;
    double spent = 0;
    int runs = 0;
    // WARM_UP runs for the JIT, then up to REPEATS timed runs within the budget
    for (int run = -WARM_UP; run < REPEATS && (run < 3 || spent < BUDGET_MILLIS); run++) {
      long start = System.nanoTime();
      sink += objective.valueAndGradient(batch, 1.0);
      double elapsed = (System.nanoTime() - start) / 1e6;
      spent += elapsed;
      if (run >= 0) {
        millis[runs++] = elapsed;
      }
    }
    Arrays.sort(millis, 0, runs);
    System.out.printf("%-32s median %9.2f ms  min %9.2f ms  (%d runs) [%.3g]%n",
        name, millis[runs / 2], millis[0], runs, sink);
  }

  /** The (user, item) pairs of a LightGCN-format file: each line {@code user item item ...}. */
  private static int[][] readLightGcn(Path file) throws IOException {
    int[] users = new int[1 << 20];
    int[] items = new int[1 << 20];
    int n = 0;
    for (String line : Files.readAllLines(file)) {
      String[] fields = line.trim().split("\\s+");
      for (int f = 1; f < fields.length; f++) {
        if (n == users.length) {
          users = Arrays.copyOf(users, 2 * n);
          items = Arrays.copyOf(items, 2 * n);
        }
        users[n] = Integer.parseInt(fields[0]);
        items[n++] = Integer.parseInt(fields[f]);
      }
    }
    return new int[][] {Arrays.copyOf(users, n), Arrays.copyOf(items, n)};
  }
}
