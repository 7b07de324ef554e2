package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 500-run sweep (five compared pairs, five seeds, ten rates, 60 epochs each) must still give a page a
 * browser opens at once: curves and spectra by arm stay a fixed number of charts, so the size grows only
 * with the detail tables and manifests. Prints the size and write time for BENCHMARKS-style notes.
 */
class LargeSweepReportTest {
  @TempDir Path tmp;

  @Test
  void aFiveHundredRunSweepReportStaysSmall() throws IOException {
    List<Double> rates = LongStream.range(0, 10).mapToObj(k -> 0.1 / (k + 1)).toList();
    Path sweep = StudyFixture.write(tmp, List.of("a", "b", "c", "d", "e"), List.of(1L, 2L, 3L, 4L, 5L), rates, 60);
    long start = System.nanoTime();
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    Path report = ReportWriter.write(sweep);
    double seconds = (System.nanoTime() - start) / 1e9;
    // on a shared machine the wall time says more about the neighbours than about the report
    double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long bytes = Files.size(report);
    System.out.printf("500-run sweep report: %d bytes, written in %.1f s (%.1f s CPU)%n", bytes, seconds, cpuSeconds);
    String html = Files.readString(report);
    assertThat(RunReader.readFolder(sweep).runs()).hasSize(500);
    // five curves per compared pair, two spectra per arm
    assertThat(ReportWriterTest.images(html)).hasSize(5 * 5 + 10 * 2);
    assertThat(bytes).isLessThan(4_000_000L);
  }
}
