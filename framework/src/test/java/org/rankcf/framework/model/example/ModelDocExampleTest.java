package org.rankcf.framework.model.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.testing.DataPaths;

/** docs/extending/models.md shows exactly the example model and its gradient test compiled here. */
class ModelDocExampleTest {
  private static final Path SOURCES = Path.of("framework/src/test/java/org/rankcf/framework/model/example");

  @Test
  void theDocumentShowsTheExampleModelItsTestAndItsRegistrationVerbatim() throws IOException {
    String document = read(Path.of("docs/extending/models.md"));
    assertThat(document).contains(read(SOURCES.resolve("ItemPoolingMf.java")));
    String test = read(SOURCES.resolve("ItemPoolingMfTest.java"));
    int start = test.indexOf("  @Test\n  void backwardIsTheGradientOfTheForwardPass");
    int end = test.indexOf("\n  }\n", start) + "\n  }\n".length();
    assertThat(start).isNotNegative();
    assertThat(document).contains(test.substring(start, end));
    String registration = "PluginBindings.models(binder()).addBinding(\"item-pooling-mf\")"
        + ".toInstance(ItemPoolingMf.FACTORY);";
    assertThat(test).contains(registration);
    assertThat(document).contains(registration);
  }

  private static String read(Path relative) throws IOException {
    return Files.readString(DataPaths.root().resolve(relative));
  }
}
