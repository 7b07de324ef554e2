package org.rankcf.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeakMemoryTest {
  @Test
  void readsThePeakResidentSetFromAProcStatusFile(@TempDir Path dir) throws IOException {
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t 1000 kB\n");
    assertThat(PeakMemory.peakResidentBytes(status)).isEqualTo(512L * 1024 * 1024);
    Files.writeString(status, "Name:\tjava\n");
    assertThat(PeakMemory.peakResidentBytes(status)).isEqualTo(-1);
    assertThat(PeakMemory.peakResidentBytes(dir.resolve("missing"))).isEqualTo(-1);
  }

  @Test
  void describesThePeakHeapOfThisJvm() {
    assertThat(PeakMemory.describe()).containsKey("peak_heap_mb");
    assertThat((Long) PeakMemory.describe().get("peak_heap_mb")).isPositive();
  }
}
