package org.rankcf.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.util.Parallel;
import org.rankcf.regularizers.StableRankRegularizer;

/**
 * The stable-rank regularizer on one whole BPR step as the trainer calls it: both sides of a batch of 16,384
 * uniformly drawn (user, positive, negative) triples over gowalla-sized tables, about 12.7k unique users and
 * 22.6k unique items (gowalla's real batches have about 10-11k and 20-21k). Fifty steps make an epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class StableRankStepBenchmark {
  private static final int BATCH = 16_384;

  @Param({"1", "2"})
  public int threads;

  private Batch batch;
  private Parallel parallel;
  private final StableRankRegularizer regularizer = new StableRankRegularizer();

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(5);
    int[] users = new int[BATCH];
    int[] positives = new int[BATCH];
    int[] negatives = new int[BATCH];
    for (int b = 0; b < BATCH; b++) {
      users[b] = random.nextInt(BenchData.GOWALLA_USERS);
      positives[b] = random.nextInt(BenchData.GOWALLA_ITEMS);
      negatives[b] = random.nextInt(BenchData.GOWALLA_ITEMS);
    }
    parallel = threads == 1 ? Parallel.serial() : new Parallel(threads);
    BatchAssembler assembler = new BatchAssembler(BenchData.GOWALLA_USERS, BenchData.GOWALLA_ITEMS, BenchData.DIM);
    assembler.setParallel(parallel);
    assembler.assign(users, positives, BATCH, negatives, 1);
    assembler.gather(BenchData.table(BenchData.GOWALLA_USERS, BenchData.DIM, 1),
        BenchData.table(BenchData.GOWALLA_ITEMS, BenchData.DIM, 2),
        new float[BenchData.GOWALLA_USERS * BenchData.DIM], new float[BenchData.GOWALLA_ITEMS * BenchData.DIM]);
    batch = assembler.batch();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parallel.close();
  }

  /** Value and gradient of both sides: Grams, two eigenpairs, gradient pass. */
  @Benchmark
  public double regularizer() {
    return regularizer.valueAndGradient(batch, 1.0);
  }
}
