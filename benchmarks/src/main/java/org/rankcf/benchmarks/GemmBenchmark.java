package org.rankcf.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** C = A B^T with k = 64, the shape of DirectAU's pairwise terms; GFLOP/s = 2 m n k / time. */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmBenchmark extends KernelBenchmark {
  @Param({"1024", "4096"})
  public int size;

  private static final int K = 64;
  private float[] a;
  private float[] b;
  private float[] c;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(6);
    a = BenchData.floats(size * K, random);
    b = BenchData.floats(size * K, random);
    c = new float[size * size];
  }

  @Benchmark
  public float[] gemmNT() {
    kernels.gemmNT(a, 0, size, b, 0, size, K, c, 0, size);
    return c;
  }
}
