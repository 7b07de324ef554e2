package org.rankcf.regularizers.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.testing.DataPaths;

/** docs/extending.md shows exactly the example regularizer and its test that are compiled and run here. */
class RegularizerDocExampleTest {
  private static final Path SOURCES = Path.of("regularizers/src/test/java/org/rankcf/regularizers/example");

  @Test
  void theDocumentShowsTheExampleRegularizerItsTestAndItsRegistrationVerbatim() throws IOException {
    String document = Files.readString(DataPaths.root().resolve("docs/extending.md"));
    assertThat(document).contains(read("RowNormRegularizer.java"));
    String test = read("RowNormRegularizerTest.java");
    assertThat(document).contains(test);
    String registration = "PluginBindings.regularizers(binder()).addBinding(\"row-norm\")"
        + ".toInstance(RowNormRegularizer.FACTORY);";
    assertThat(test).contains(registration);
    assertThat(document).contains(registration);
  }

  private static String read(String file) throws IOException {
    return Files.readString(DataPaths.root().resolve(SOURCES).resolve(file));
  }
}
