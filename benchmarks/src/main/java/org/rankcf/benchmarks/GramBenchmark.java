package org.rankcf.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/** Upper triangle of X^T X of a gowalla item table (40,981 x 64): the per-epoch spectrum's cost, and the bulk of the stable-rank regularizer's. */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GramBenchmark extends KernelBenchmark {
  private float[] x;
  private double[] gram;

  @Setup
  public void setUp() {
    x = BenchData.table(BenchData.GOWALLA_ITEMS, BenchData.DIM, 7).data();
    gram = new double[BenchData.DIM * BenchData.DIM];
  }

  @Benchmark
  public double[] gram() {
    Arrays.fill(gram, 0);
    kernels.gramAccumulate(x, null, 0, BenchData.GOWALLA_ITEMS, BenchData.DIM, gram);
    return gram;
  }
}
