package org.rankcf.framework.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads with static range splitting. A range is always cut into the same chunks
 * for the same thread count, and partial results are combined in chunk order, so results are
 * bit-identical from run to run for a given thread count. When there are more chunks than threads, each
 * thread takes the next unclaimed chunk, which evens out threads slowed by other load; a chunk's result
 * does not depend on which thread ran it.
 */
public final class Parallel implements AutoCloseable {
  /** A body over the half-open range [from, to) of chunk number {@code chunk}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int chunk, int from, int to);
  }

  /** A body that returns a partial sum over [from, to). */
  @FunctionalInterface
  public interface RangeSum {
    double sum(int chunk, int from, int to);
  }

  private static final Parallel SERIAL = new Parallel(1);

  private final int threads;
  private final ExecutorService pool;

  public Parallel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
      Thread thread = new Thread(runnable, "rankcf-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A single-threaded instance (runs everything on the caller). */
  public static Parallel serial() {
    return SERIAL;
  }

  public int threads() {
    return threads;
  }

  /** Runs body over [0, n) cut into {@link #threads()} contiguous chunks; chunk 0 runs on the caller. */
  public void forRange(int n, RangeBody body) {
    forRange(n, threads, body);
  }

  /** Runs body over [0, n) cut into {@code chunks} contiguous chunks spread over the threads. */
  public void forRange(int n, int chunks, RangeBody body) {
    chunks = Math.max(1, Math.min(chunks, n));
    if (pool == null || chunks == 1) {
      for (int c = 0; c < chunks; c++) {
        body.run(c, bound(n, chunks, c), bound(n, chunks, c + 1));
      }
      return;
    }
    final int total = chunks;
    // chunk 0 is the caller's; the rest go to whichever thread is free first
    AtomicInteger next = new AtomicInteger(1);
    Runnable claim = () -> {
      for (int c = next.getAndIncrement(); c < total; c = next.getAndIncrement()) {
        body.run(c, bound(n, total, c), bound(n, total, c + 1));
      }
    };
    List<Future<?>> futures = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      futures.add(pool.submit(claim));
    }
    body.run(0, bound(n, total, 0), bound(n, total, 1));
    claim.run();
    await(futures);
  }

  /** Sums body's partial results over [0, n), combined in chunk order. */
  public double sum(int n, RangeSum body) {
    int chunks = Math.max(1, Math.min(threads, n));
    double[] partial = new double[chunks];
    forRange(n, chunks, (chunk, from, to) -> partial[chunk] = body.sum(chunk, from, to));
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  private static int bound(int n, int chunks, int c) {
    return (int) ((long) n * c / chunks);
  }

  private static void await(List<Future<?>> futures) {
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
