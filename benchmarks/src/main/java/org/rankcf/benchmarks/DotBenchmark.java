package org.rankcf.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** A d = 64 dot product, the per-pair score of the sampled losses. */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DotBenchmark extends KernelBenchmark {
  @Param({"64"})
  public int n;

  private float[] a;
  private float[] b;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(9);
    a = BenchData.floats(n, random);
    b = BenchData.floats(n, random);
  }

  @Benchmark
  public float dot() {
    return kernels.dot(a, 0, b, 0, n);
  }
}
