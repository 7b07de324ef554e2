package org.rankcf.experiments.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peak memory of this JVM so far (in a sweep: of all its runs so far), for the run record: the process's
 * peak resident set (Linux VmHWM, the figure comparable with other programs' peak RSS) and the peak heap use
 * (the sum of the heap pools' peaks, an upper bound of the live heap, which is what -Xmx must cover).
 */
public final class PeakMemory {
  private static final double MB = 1024.0 * 1024.0;

  private PeakMemory() {}

  /** {"peak_rss_mb": ..., "peak_heap_mb": ...}; the RSS entry is absent where /proc is not available. */
  public static Map<String, Long> describe() {
    Map<String, Long> memory = new LinkedHashMap<>();
    long rss = peakResidentBytes(Path.of("/proc/self/status"));
    if (rss >= 0) {
      memory.put("peak_rss_mb", Math.round(rss / MB));
    }
    memory.put("peak_heap_mb", Math.round(peakHeapBytes() / MB));
    return memory;
  }

  /** The VmHWM line of a /proc status file in bytes, or -1 if it cannot be read. */
  static long peakResidentBytes(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          String[] fields = line.substring("VmHWM:".length()).trim().split("\\s+");
          return Long.parseLong(fields[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
