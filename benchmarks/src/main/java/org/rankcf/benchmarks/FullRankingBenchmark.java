package org.rankcf.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.rankcf.framework.kernels.FullRanker;
import org.rankcf.framework.kernels.ItemMask;
import org.rankcf.framework.kernels.TopKLists;

/**
 * The fused top-K ranking of every gowalla-sized user against every item (about 156.6 GFLOP per call)
 * with the train mask. GFLOP/s = 2 * users * items * dim / time.
 */
public class FullRankingBenchmark extends GowallaBenchmark {
  @Param({"vector"})
  public String path;

  @Param({"20", "50"})
  public int k;

  private int[] userIds;
  private ItemMask mask;
  private FullRanker ranker;

  @Setup(Level.Trial)
  public void setUp() {
    setUpData();
    mask = new ItemMask(train.userPtr(), train.userItems());
    userIds = new int[users.rows()];
    for (int u = 0; u < userIds.length; u++) {
      userIds[u] = u;
    }
    ranker = new FullRanker(BenchData.path(path).tileScorer(), parallel);
  }

  @Benchmark
  public TopKLists rankAllUsers() {
    return ranker.rank(users, items, userIds, k, mask);
  }
}
