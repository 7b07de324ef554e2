package org.rankcf.benchmarks;

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
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.FullRanker;
import org.rankcf.framework.kernels.ItemMask;
import org.rankcf.framework.kernels.TopKLists;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * The fused top-K ranking of every gowalla-sized user against every item (29,858 x 40,981 x 64, about
 * 156.6 GFLOP per call) with a train mask of gowalla's size. GFLOP/s = 2 * users * items * dim / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class FullRankingBenchmark {
  @Param({"2", "1"})
  public int threads;

  @Param({"vector"})
  public String path;

  @Param({"20", "50"})
  public int k;

  private EmbeddingTable users;
  private EmbeddingTable items;
  private int[] userIds;
  private ItemMask train;
  private Parallel parallel;
  private FullRanker ranker;

  @Setup(Level.Trial)
  public void setUp() {
    users = BenchData.table(BenchData.GOWALLA_USERS, BenchData.DIM, 1);
    items = BenchData.table(BenchData.GOWALLA_ITEMS, BenchData.DIM, 2);
    Interactions pairs = BenchData.pairs(BenchData.GOWALLA_USERS, BenchData.GOWALLA_ITEMS, BenchData.GOWALLA_TRAIN, 3);
    train = new ItemMask(pairs.userPtr(), pairs.userItems());
    userIds = new int[BenchData.GOWALLA_USERS];
    for (int u = 0; u < userIds.length; u++) {
      userIds[u] = u;
    }
    parallel = new Parallel(threads);
    ranker = new FullRanker(BenchData.path(path).tileScorer(), parallel);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parallel.close();
  }

  @Benchmark
  public TopKLists rankAllUsers() {
    return ranker.rank(users, items, userIds, k, train);
  }
}
