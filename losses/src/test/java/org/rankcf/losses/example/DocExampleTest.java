package org.rankcf.losses.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.testing.DataPaths;

/** docs/extending.md shows exactly the example code that is compiled and tested here. */
class DocExampleTest {
  private static final Path SOURCES = Path.of("losses/src/test/java/org/rankcf/losses/example");

  @Test
  void theDocumentShowsTheExampleLossVerbatim() throws IOException {
    assertThat(document()).contains(read(SOURCES.resolve("SquaredHingeLoss.java")));
  }

  @Test
  void theDocumentShowsTheGradientTestAndTheRegistrationLineVerbatim() throws IOException {
    String test = read(SOURCES.resolve("SquaredHingeLossTest.java"));
    // the whole file, imports and helpers included, so that the snippet compiles as shown
    assertThat(document()).contains(test);
    String registration = "PluginBindings.losses(binder()).addBinding(\"squared-hinge\")"
        + ".toInstance(SquaredHingeLoss.FACTORY);";
    assertThat(test).contains(registration);
    assertThat(document()).contains(registration);
  }

  private static String document() throws IOException {
    return read(Path.of("docs/extending.md"));
  }

  private static String read(Path relative) throws IOException {
    return Files.readString(DataPaths.root().resolve(relative));
  }
}
