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
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Parallel;
import org.rankcf.losses.SampledSoftmaxLoss;
import org.rankcf.losses.SoftmaxLoss;

/**
 * One step of a softmax loss over 1,000 sampled negatives per row as the trainer calls it (value and
 * gradient into the batch's rows), IR-Benchmark's food setting: 1,024 rows over food-sized tables (5,875 users,
 * 9,852 items, d = 64), negatives uniform. {@code sl} runs the fused pass (SampledRowPass, cosine scores);
 * {@code ssm} the pair-order scoring of PairScoreLoss (dot products) that the existing losses keep: the same
 * N + 1 scores per row and the same softmax, so their ratio is the fused kernel's gain. The kernel path is the
 * JVM's (-Drankcf.kernels=scalar for the plain-Java one). About 230 steps make a food epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class SampledSoftmaxStepBenchmark {
  static final int FOOD_USERS = 5_875;
  static final int FOOD_ITEMS = 9_852;
  private static final int ROWS = 1024;
  private static final int NEGATIVES = 1000;

  @Param({"sl", "ssm"})
  public String loss;

  @Param({"1", "2"})
  public int threads;

  private Batch batch;
  private Parallel parallel;
  private Loss objective;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    int[] users = new int[ROWS];
    int[] positives = new int[ROWS];
    int[] negatives = new int[ROWS * NEGATIVES];
    for (int b = 0; b < ROWS; b++) {
      users[b] = random.nextInt(FOOD_USERS);
      positives[b] = random.nextInt(FOOD_ITEMS);
    }
    for (int k = 0; k < negatives.length; k++) {
      negatives[k] = random.nextInt(FOOD_ITEMS);
    }
    parallel = threads == 1 ? Parallel.serial() : new Parallel(threads);
    BatchAssembler assembler = new BatchAssembler(FOOD_USERS, FOOD_ITEMS, BenchData.DIM);
    assembler.setParallel(parallel);
    assembler.assign(users, positives, ROWS, negatives, NEGATIVES);
    assembler.gather(BenchData.table(FOOD_USERS, BenchData.DIM, 1), BenchData.table(FOOD_ITEMS, BenchData.DIM, 2),
        new float[FOOD_USERS * BenchData.DIM], new float[FOOD_ITEMS * BenchData.DIM]);
    batch = assembler.batch();
    objective = loss.equals("sl") ? SoftmaxLoss.create(0.2)
        : new SampledSoftmaxLoss(new SampledSoftmaxLoss.Config(0.2, false));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parallel.close();
  }

  /** Value and gradient of one batch. */
  @Benchmark
  public double step() {
    return objective.valueAndGradient(batch, 1.0);
  }
}
