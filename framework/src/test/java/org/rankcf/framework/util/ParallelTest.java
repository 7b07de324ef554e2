package org.rankcf.framework.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void moreChunksThanThreadsRunEveryChunkOnceOverTheSameBounds() {
    try (Parallel parallel = new Parallel(2)) {
      for (int round = 0; round < 50; round++) {
        AtomicIntegerArray runs = new AtomicIntegerArray(9);
        int[][] bounds = new int[9][];
        parallel.forRange(1000, 9, (chunk, from, to) -> {
          runs.incrementAndGet(chunk);
          bounds[chunk] = new int[] {from, to};
        });
        for (int c = 0; c < 9; c++) {
          assertThat(runs.get(c)).isEqualTo(1);
          assertThat(bounds[c]).containsExactly(1000 * c / 9, 1000 * (c + 1) / 9);
        }
      }
    }
  }

  @Test
  void sumsAreTheSameWhicheverThreadRanAChunk() {
    Parallel.RangeSum harmonic = (chunk, from, to) -> {
      double s = 0;
      for (int t = from; t < to; t++) {
        s += 1.0 / (t + 1);
      }
      return s;
    };
    try (Parallel parallel = new Parallel(2)) {
      double first = parallel.sum(100_000, harmonic);
      for (int round = 0; round < 20; round++) {
        assertThat(parallel.sum(100_000, harmonic)).isEqualTo(first);
      }
    }
  }

  @Test
  void aFailingChunkReachesTheCallerWhicheverThreadRanIt() {
    try (Parallel parallel = new Parallel(2)) {
      assertThatThrownBy(() -> parallel.forRange(8, 8, (chunk, from, to) -> {
        if (chunk == 7) {
          throw new IllegalArgumentException("chunk 7");
        }
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 7");
    }
  }
}
