package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.testing.DataPaths;

/** docs/extending/metrics.md shows exactly the example metric, module and fixture compiled and tested here. */
class MetricDocExampleTest {
  private static final Path TESTS = Path.of("experiments/src/test/java/org/rankcf/experiments");

  @Test
  void theDocumentShowsTheExampleMetricVerbatim() throws IOException {
    assertThat(read(Path.of("docs/extending/metrics.md"))).contains(read(TESTS.resolve("metric/LongTailShare.java")));
  }

  @Test
  void theDocumentShowsTheModuleAndTheHandComputedTestVerbatim() throws IOException {
    String test = read(TESTS.resolve("OutsideMetricTest.java"));
    String document = read(Path.of("docs/extending/metrics.md"));
    for (String[] bounds : new String[][] {
        {"  /** The module a user writes", "\n    }\n  }\n"}, {"  @Test\n  void longTailShareByHand", "\n  }\n"}}) {
      int start = test.indexOf(bounds[0]);
      assertThat(start).isNotNegative();
      int end = test.indexOf(bounds[1], start) + bounds[1].length();
      assertThat(document).contains(test.substring(start, end));
    }
  }

  private static String read(Path relative) throws IOException {
    return Files.readString(DataPaths.root().resolve(relative));
  }
}
