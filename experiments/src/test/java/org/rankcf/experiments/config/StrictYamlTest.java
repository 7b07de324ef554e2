package org.rankcf.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.sweep.SweepSpec;
import org.rankcf.framework.util.UserInputException;

/** A key given twice in one mapping is an error naming the key and its line, never a silent last-wins. */
class StrictYamlTest {
  @TempDir
  Path dir;

  @Test
  void aRepeatedKeyInOneMappingNamesTheKeyAndLine() throws IOException {
    Path file = dir.resolve("run.yaml");
    Files.writeString(file, "name: x\ntrain:\n  optimizer:\n    lr: 0.01\n    lr: 0.1\n");
    assertThatThrownBy(() -> Yaml.read(file)).isInstanceOf(UserInputException.class)
        .hasMessageContaining(file + ":5:").hasMessageContaining("key 'lr' given twice in one mapping");
  }

  @Test
  void aSecondSectionOfTheSameNameIsAnError() throws IOException {
    Path file = dir.resolve("run.yaml");
    Files.writeString(file, "model: {dim: 8}\nseed: 1\nmodel:\n  name: mf\n");
    assertThatThrownBy(() -> Yaml.read(file)).isInstanceOf(UserInputException.class)
        .hasMessageContaining(file + ":3:").hasMessageContaining("'model'");
  }

  @Test
  void duplicateVariantNamesInASweepAreAnError() throws IOException {
    Path file = dir.resolve("grid.yaml");
    Files.writeString(file, "name: g\nbase: {data: {path: x}}\nvariants:\n  bpr: {}\n  sr: {seed: 2}\n  bpr: {seed: 3}\n");
    assertThatThrownBy(() -> SweepSpec.load(file)).isInstanceOf(UserInputException.class)
        .hasMessageContaining(file + ":6:").hasMessageContaining("'bpr'");
  }

  @Test
  void theSameKeyInDifferentMappingsIsFine() throws IOException {
    Path file = dir.resolve("run.yaml");
    Files.writeString(file, "name: x\nmodel: {name: mf}\ntrain: {loss: {name: bpr}}\n");
    assertThat(Yaml.read(file).get("train").get("loss").get("name").asText()).isEqualTo("bpr");
  }
}
