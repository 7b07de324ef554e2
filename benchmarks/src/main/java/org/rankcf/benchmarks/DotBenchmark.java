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

/** A d = 64 dot product, the per-pair score of the sampled losses. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DotBenchmark {
  @Param({"vector", "scalar"})
  public String path;

  @Param({"64"})
  public int n;

  private KernelPath kernels;
  private float[] a;
  private float[] b;

  @Setup
  public void setUp() {
    kernels = BenchData.path(path);
    SplittableRandom random = new SplittableRandom(9);
    a = BenchData.floats(n, random);
    b = BenchData.floats(n, random);
  }

  @Benchmark
  public float dot() {
    return kernels.dot(a, 0, b, 0, n);
  }
}
