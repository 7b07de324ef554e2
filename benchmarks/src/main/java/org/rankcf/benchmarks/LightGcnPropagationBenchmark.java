package org.rankcf.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.graph.LightGcn;
import org.rankcf.framework.model.graph.LightGcnConfig;

/**
 * LightGCN's full-graph propagation on a gowalla-sized random graph (810,128 training pairs, d = 64, K = 3):
 * the forward pass (final tables from layer 0) and the transposed backward pass. Each is K sparse products
 * per side, nnz * d multiply-adds each: 4 * nnz * d * K = 0.62 GFLOP per pass.
 */
public class LightGcnPropagationBenchmark extends GowallaBenchmark {
  private LightGcn model;
  private float[] userGrad;
  private float[] itemGrad;

  @Setup(Level.Trial)
  public void setUp() {
    setUpData();
    model = LightGcn.create(train, BenchData.DIM, new Initializer("normal", 0.1), LightGcnConfig.DEFAULTS, 1,
        parallel);
    SplittableRandom random = new SplittableRandom(4);
    userGrad = BenchData.floats(BenchData.GOWALLA_USERS * BenchData.DIM, random);
    itemGrad = BenchData.floats(BenchData.GOWALLA_ITEMS * BenchData.DIM, random);
  }

  @Benchmark
  public EmbeddingTable forward() {
    model.forward();
    return model.users();
  }

  @Benchmark
  public List<float[]> backward() {
    return model.backward(userGrad, itemGrad);
  }
}
