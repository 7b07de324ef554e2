package org.rankcf.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/** One dense Adam step over a gowalla item table (40,981 x 64 parameters), as applied every batch. */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdamBenchmark extends KernelBenchmark {
  private float[] p;
  private float[] g;
  private float[] m;
  private float[] v;

  @Setup
  public void setUp() {
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
