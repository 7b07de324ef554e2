package org.rankcf.framework.model.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.SparseKernels;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.testing.DataPaths;
import org.rankcf.framework.util.Parallel;

/**
 * Times LightGCN's full-graph propagation on gowalla (the LightGCN split's train.txt): median seconds of
 * forward() and backward() over several runs, GFLOP/s = 2 * nnz_sym * d * K / time, and the same per
 * second of process CPU time (a figure that the other load of a shared machine disturbs less). A
 * benchmark, not a test: run its main with the test classpath, optionally with the arguments
 * {@code threads runs dim layers}.
 */
public final class GowallaPropagationBenchmark {
  private GowallaPropagationBenchmark() {}

  public static void main(String[] args) throws IOException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int dim = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    int layers = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Interactions train = readLightGcnText(DataPaths.sharedData("gowalla").resolve("train.txt"));
    System.out.printf("%s, kernel path %s, %d threads, d = %d, K = %d%n",
        train, SparseKernels.path().name(), threads, dim, layers);
    try (Parallel parallel = new Parallel(threads)) {
      long start = System.nanoTime();
      LightGcn model = LightGcn.create(train, dim, Initializer.PAPER, new LightGcnConfig(layers, null), 1, parallel);
      System.out.printf("graph + init + first forward: %.3f s%n", (System.nanoTime() - start) / 1e9);
      float[] userGrad = model.users().data().clone();
      float[] itemGrad = model.items().data().clone();
      double flops = 2.0 * model.graph().nonZeros() * dim * layers;
      double[] forward = new double[runs];
      double[] backward = new double[runs];
      for (int warm = 0; warm < 5; warm++) {
        model.forward();
        model.backward(userGrad, itemGrad);
      }
      long cpu0 = processCpuNanos();
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        model.forward();
        long t1 = System.nanoTime();
        model.backward(userGrad, itemGrad);
        long t2 = System.nanoTime();
        forward[r] = (t1 - t0) / 1e9;
        backward[r] = (t2 - t1) / 1e9;
      }
      double cpuSeconds = (processCpuNanos() - cpu0) / 1e9 / (2.0 * runs);
      report("forward", forward, flops);
      report("backward", backward, flops);
      // on a shared machine wall time depends on the other load; CPU time per pass much less so
      System.out.printf("process CPU time per pass %.4f s: %.2f GFLOP/s per busy core%n",
          cpuSeconds, flops / cpuSeconds / 1e9);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void report(String what, double[] seconds, double flops) {
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    System.out.printf("%-8s median %.4f s (min %.4f, max %.4f) over %d runs: %.2f GFLOP/s%n",
        what, median, sorted[0], sorted[sorted.length - 1], sorted.length, flops / median / 1e9);
  }

  /** Lines {@code user item item ...} with 0-based ids; the id ranges are the largest ids plus one. */
  static Interactions readLightGcnText(Path file) throws IOException {
    int[] users = new int[1 << 20];
    int[] items = new int[1 << 20];
    int n = 0;
    int maxUser = -1;
    int maxItem = -1;
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.trim().split("\\s+");
        if (fields[0].isEmpty()) {
          continue;
        }
        int user = Integer.parseInt(fields[0]);
        maxUser = Math.max(maxUser, user);
        for (int f = 1; f < fields.length; f++) {
          if (n == users.length) {
            users = Arrays.copyOf(users, 2 * n);
            items = Arrays.copyOf(items, 2 * n);
          }
          users[n] = user;
          items[n] = Integer.parseInt(fields[f]);
          maxItem = Math.max(maxItem, items[n++]);
        }
      }
    }
    return Interactions.fromPairs(maxUser + 1, maxItem + 1, users, items, n);
  }
}
