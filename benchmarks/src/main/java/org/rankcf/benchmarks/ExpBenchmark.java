package org.rankcf.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * The uniformity's pair terms: e^(2t (cos - 1)) of a 128 x 128 tile of cosine similarities and their sum
 * (the tile's similarities come from gemmNT, benchmarked in {@link GemmBenchmark}).
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExpBenchmark extends KernelBenchmark {
  private static final int TILE = 128 * 128;
  private float[] cosines;
  private float[] work;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(6);
    cosines = new float[TILE];
    for (int t = 0; t < TILE; t++) {
      cosines[t] = (float) (2 * random.nextDouble() - 1);
    }
    work = new float[TILE];
  }

  @Benchmark
  public double expShiftedSum() {
    System.arraycopy(cosines, 0, work, 0, TILE);
    return kernels.expShiftedSum(work, TILE, 4f);
  }
}
