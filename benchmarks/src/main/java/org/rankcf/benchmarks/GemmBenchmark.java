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

/** C = A B^T with k = 64, the shape of DirectAU's pairwise terms; GFLOP/s = 2 m n k / time. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {
  @Param({"vector", "scalar"})
  public String path;

  @Param({"1024", "4096"})
  public int size;

  private static final int K = 64;
  private KernelPath kernels;
  private float[] a;
  private float[] b;
  private float[] c;

  @Setup
  public void setUp() {
    kernels = BenchData.path(path);
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
