package org.rankcf.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rankcf.framework.kernels.TileScorer;

/**
 * Single-core peak of the ranking micro-kernel alone (no top-K): 96 users x 768 items x d = 64 from an
 * L2-resident block, the inner loop of the full ranking. One operation is one FLOP, so the score reads
 * directly in FLOP/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TilePeakBenchmark {
  private static final int USERS = 96;
  private static final int ITEMS = 768;
  private static final int DIM = 64;
  private static final int FLOPS = 2 * USERS * ITEMS * DIM;

  @Param({"vector", "scalar"})
  public String path;

  private TileScorer scorer;
  private float[] rows;
  private float[] panels;
  private float[] tile;

  @Setup
  public void setUp() {
    scorer = BenchData.path(path).tileScorer();
    SplittableRandom random = new SplittableRandom(5);
    rows = BenchData.floats(USERS * DIM, random);
    // the panel layout is just a permutation of an items x dim block: random contents serve as is
    panels = BenchData.floats(ITEMS * DIM, random);
    tile = new float[scorer.maxRows() * scorer.panelWidth()];
  }

  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float scoreBlock() {
    int width = scorer.panelWidth();
    int height = scorer.maxRows();
    float sink = 0;
    for (int u = 0; u < USERS; u += height) {
      for (int p = 0; p < ITEMS / width; p++) {
        scorer.scoreTile(rows, u * DIM, height, DIM, panels, p * width * DIM, tile, 0, width);
        sink += tile[p & 3];
      }
    }
    return sink;
  }
}
