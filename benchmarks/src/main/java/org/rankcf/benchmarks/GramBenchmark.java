package org.rankcf.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rankcf.framework.kernels.KernelPath;

/** X^T X of a gowalla item table (40,981 x 64) in double, the per-epoch spectrum's cost. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GramBenchmark {
  @Param({"vector", "scalar"})
  public String path;

  private KernelPath kernels;
  private float[] x;
  private double[] gram;

  @Setup
  public void setUp() {
    kernels = BenchData.path(path);
    x = BenchData.table(BenchData.GOWALLA_ITEMS, BenchData.DIM, 7).data();
    gram = new double[BenchData.DIM * BenchData.DIM];
  }

  @Benchmark
  public double[] gram() {
    Arrays.fill(gram, 0);
    kernels.gramAccumulate(x, 0, BenchData.GOWALLA_ITEMS, BenchData.DIM, gram);
    return gram;
  }
}
