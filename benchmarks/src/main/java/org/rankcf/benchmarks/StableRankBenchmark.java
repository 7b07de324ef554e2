package org.rankcf.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.spectral.Spectra;
import org.rankcf.framework.util.Parallel;
import org.rankcf.regularizers.StableRankPenalty;

/**
 * The stable-rank regularizer on one gowalla BPR step's unique rows (batch 16,384 of the paper split: about
 * 10k users and 21k items with the negatives), whole and by part: the scaled Gram and the top eigenpair.
 * Fifty of these steps make one epoch, so a step's milliseconds times 50 is the regularizer's epoch cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class StableRankBenchmark {
  @Param({"10000", "21000"})
  public int rows;

  @Param({"1", "2"})
  public int threads;

  private float[] x;
  private float[] grad;
  private float[] inverseNorms;
  private double[] gram;
  private Parallel parallel;
  private final StableRankPenalty penalty = new StableRankPenalty();

  @Setup(Level.Trial)
  public void setUp() {
    x = BenchData.table(rows, BenchData.DIM, 11).data();
    grad = new float[x.length];
    inverseNorms = new float[rows];
    for (int r = 0; r < rows; r++) {
      double squares = 0;
      for (int c = 0; c < BenchData.DIM; c++) {
        squares += x[r * BenchData.DIM + c] * x[r * BenchData.DIM + c];
      }
      inverseNorms[r] = (float) (1 / Math.sqrt(squares));
    }
    parallel = threads == 1 ? Parallel.serial() : new Parallel(threads);
    gram = Spectra.gram(x, inverseNorms, rows, BenchData.DIM, parallel);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parallel.close();
  }

  /** Value and gradient: norms, Gram, eigenpair and the gradient pass. */
  @Benchmark
  public double penalty() {
    return penalty.valueAndGradient(x, rows, BenchData.DIM, grad, 1.0, parallel);
  }

  @Benchmark
  public double[] scaledGram() {
    return Spectra.gram(x, inverseNorms, rows, BenchData.DIM, parallel);
  }

  /** Norms and Gram as the regularizer computes them: the kernel sets the norms as it packs the rows. */
  @Benchmark
  public double[] unitRowGram() {
    return Spectra.unitRowGram(x, inverseNorms, rows, BenchData.DIM, 1e-12, parallel);
  }

  /** The same one thread in two passes per span of rows, norms by dot products first (the former way). */
  @Benchmark
  public double[] normsThenGram() {
    KernelPath kernels = Kernels.path();
    double[] sums = new double[BenchData.DIM * BenchData.DIM];
    for (int span = 0; span < rows; span += KernelPath.GRAM_SPAN) {
      int end = Math.min(rows, span + KernelPath.GRAM_SPAN);
      for (int r = span; r < end; r++) {
        float squares = kernels.dot(x, r * BenchData.DIM, x, r * BenchData.DIM, BenchData.DIM);
        inverseNorms[r] = (float) (1 / Math.max(Math.sqrt(squares), 1e-12));
      }
      kernels.gramAccumulate(x, inverseNorms, span, end, BenchData.DIM, sums);
    }
    return sums;
  }

  @Benchmark
  public Spectra.Eigenpair topEigenpair() {
    return Spectra.topEigenpair(gram, BenchData.DIM);
  }
}
