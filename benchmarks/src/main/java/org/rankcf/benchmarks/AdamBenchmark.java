package org.rankcf.benchmarks;

import java.util.SplittableRandom;
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

/** One dense Adam step over a gowalla item table (40,981 x 64 parameters), as applied every batch. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AdamBenchmark {
  @Param({"vector", "scalar"})
  public String path;

  private KernelPath kernels;
  private float[] p;
  private float[] g;
  private float[] m;
  private float[] v;

  @Setup
  public void setUp() {
    kernels = BenchData.path(path);
    int n = BenchData.GOWALLA_ITEMS * BenchData.DIM;
    SplittableRandom random = new SplittableRandom(8);
    p = BenchData.floats(n, random);
    g = new float[n];
    m = new float[n];
    v = new float[n];
  }

  @Benchmark
  public float[] adamStep() {
    kernels.adam(p, g, m, v, 0, p.length, 1e-6f, 0.9f, 0.999f, 0.01f, 1f, 1e-8f);
    return p;
  }
}
