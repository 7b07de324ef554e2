package org.rankcf.benchmarks;

import java.util.List;
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
import org.rankcf.evaluation.EvaluationResult;
import org.rankcf.evaluation.FullRankingEvaluator;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/** One whole test-stage evaluation at K = 10, 20, 50 on gowalla-sized random tables and pairs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class EvaluationBenchmark {
  @Param({"2"})
  public int threads;

  private EmbeddingTable users;
  private EmbeddingTable items;
  private Interactions train;
  private Interactions test;
  private Parallel parallel;
  private FullRankingEvaluator evaluator;

  @Setup(Level.Trial)
  public void setUp() {
    users = BenchData.table(BenchData.GOWALLA_USERS, BenchData.DIM, 1);
    items = BenchData.table(BenchData.GOWALLA_ITEMS, BenchData.DIM, 2);
    train = BenchData.pairs(BenchData.GOWALLA_USERS, BenchData.GOWALLA_ITEMS, BenchData.GOWALLA_TRAIN, 3);
    test = BenchData.pairs(BenchData.GOWALLA_USERS, BenchData.GOWALLA_ITEMS, BenchData.GOWALLA_TEST, 4);
    parallel = new Parallel(threads);
    evaluator = new FullRankingEvaluator(List.of(10, 20, 50), parallel);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parallel.close();
  }

  @Benchmark
  public EvaluationResult evaluateTest() {
    return evaluator.evaluate(users, items, test, train);
  }
}
