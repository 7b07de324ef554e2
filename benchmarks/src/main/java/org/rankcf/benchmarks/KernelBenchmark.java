package org.rankcf.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rankcf.framework.kernels.KernelPath;

/** The common set-up of the dense-kernel benchmarks: one thread, both kernel paths, short iterations. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public abstract class KernelBenchmark {
  @Param({"vector", "scalar"})
  public String path;

  protected KernelPath kernels;

  @Setup(Level.Trial)
  public void choosePath() {
    kernels = BenchData.path(path);
  }
}
