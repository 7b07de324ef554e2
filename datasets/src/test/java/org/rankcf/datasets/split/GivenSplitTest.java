package org.rankcf.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.ConfigException;

class GivenSplitTest {
  @TempDir Path dir;

  private void writeSplit() {
    StringBuilder train = new StringBuilder();
    for (int u = 0; u < 10; u++) {
      train.append(u);
      for (int i = 0; i < 4; i++) {
        train.append(' ').append((u + i) % 12);
      }
      train.append('\n');
    }
    write(dir, "train.txt", train.toString());
    write(dir, "test.txt", "0 11\n5 0\n");
  }

  private SplitData load(DatasetSpec spec) {
    return DatasetLoader.load(spec, dir);
  }

  @Test
  void withoutValidationItIsTheFiles() {
    writeSplit();
    SplitData split = load(spec(dir).withValidation(0));
    assertThat(split.protocol()).isEqualTo("given");
    assertThat(split.train().size()).isEqualTo(40);
    assertThat(split.selectsOnTest()).isTrue();
    assertThat(pairs(split.test())).isEqualTo("[0:11, 5:0]");
    assertThat(split.numItems()).isEqualTo(12);
  }

  @Test
  void carvesASeededShareOfTrainIntoValidation() {
    writeSplit();
    Interactions files = load(spec(dir).withValidation(0)).train();
    SplitData split = load(spec(dir).withSplit("given", 5).withValidation(0.25));
    assertThat(split.protocol()).isEqualTo("given(seed=5,validation=0.25)");
    assertThat(split.validation().size()).isEqualTo(10);
    assertThat(split.train().size()).isEqualTo(30);
    assertThat(pairs(split.train().union(split.validation()))).isEqualTo(pairs(files));
    assertThat(pairs(split.test())).isEqualTo("[0:11, 5:0]");
    assertThat(load(spec(dir).withSplit("given", 5).withValidation(0.25)).hash()).isEqualTo(split.hash());
    assertThat(load(spec(dir).withSplit("given", 6).withValidation(0.25)).hash()).isNotEqualTo(split.hash());
  }

  @Test
  void aValidationFileWins() {
    write(dir, "train.tsv", "0\t0\n0\t1\n1\t1\n");
    write(dir, "valid.tsv", "1\t0\n");
    write(dir, "test.tsv", "0\t2\n");
    SplitData split = load(spec(dir));
    assertThat(split.protocol()).isEqualTo("given(validation=file)");
    assertThat(pairs(split.validation())).isEqualTo("[1:0]");
    assertThat(split.train().size()).isEqualTo(3);
  }

  @Test
  void needsTrainAndTestFiles() {
    Path file = write(dir, "pairs.tsv", "0\t0\n0\t1\n");
    assertThatThrownBy(() -> DatasetLoader.load(spec(file), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("split: 'given' needs a data set with its own train and test files");
  }
}
