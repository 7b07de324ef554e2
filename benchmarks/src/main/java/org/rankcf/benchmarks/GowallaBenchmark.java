package org.rankcf.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * The common set-up of the whole-catalogue benchmarks: gowalla-sized random tables (29,858 users and
 * 40,981 items, d = 64), a random train set of gowalla's size, single-shot seconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public abstract class GowallaBenchmark {
  @Param({"2", "1"})
  public int threads;

  protected EmbeddingTable users;
  protected EmbeddingTable items;
  protected Interactions train;
  protected Parallel parallel;

  /** Builds the shared inputs; subclasses call it first from their own set-up. */
  protected void setUpData() {
    users = BenchData.table(BenchData.GOWALLA_USERS, BenchData.DIM, 1);
    items = BenchData.table(BenchData.GOWALLA_ITEMS, BenchData.DIM, 2);
    train = BenchData.pairs(BenchData.GOWALLA_USERS, BenchData.GOWALLA_ITEMS, BenchData.GOWALLA_TRAIN, 3);
    parallel = new Parallel(threads);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parallel.close();
  }
}
