package org.rankcf.experiments.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.testing.DataPaths;

/** docs/extending/optimisers.md shows exactly the example code that is compiled and tested here. */
class OptimiserDocTest {
  private static final Path SOURCES = Path.of("experiments/src/test/java/org/rankcf/experiments/example");

  @Test
  void theDocumentShowsTheConfigTheClassAndTheModuleVerbatim() throws IOException {
    for (String file : new String[] {"RmsPropConfig.java", "RmsProp.java", "RmsPropModule.java"}) {
      assertThat(document()).as(file).contains(read(SOURCES.resolve(file)));
    }
  }

  @Test
  void theDocumentShowsTheOracleTestVerbatim() throws IOException {
    String test = read(SOURCES.resolve("RmsPropTest.java"));
    int start = test.indexOf("  @Test\n  void stepsMatchTribuosRmsProp");
    int end = test.indexOf("\n  }\n", start) + "\n  }\n".length();
    assertThat(start).isNotNegative();
    assertThat(document()).contains(test.substring(start, end));
  }

  private static String document() throws IOException {
    return read(Path.of("docs/extending/optimisers.md"));
  }

  private static String read(Path relative) throws IOException {
    return Files.readString(DataPaths.root().resolve(relative));
  }
}
