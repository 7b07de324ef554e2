package org.rankcf.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rankcf.datasets.TestFiles.spec;
import static org.rankcf.datasets.TestFiles.with;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.Part;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.UserInputException;

class DatasetFilesTest {
  @TempDir Path dir;

  private DatasetFiles locate(Path path) {
    return DatasetFiles.locate(spec(path), dir);
  }

  @Test
  void formatsFollowTheFileNames() {
    write(dir, "a/train.txt", "0 1\n");
    write(dir, "a/test.txt", "0 1\n");
    write(dir, "a/user_list.txt", "org_id remap_id\n");
    write(dir, "b/train.tsv", "0\t1\n");
    write(dir, "b/test.tsv", "0\t1\n");
    write(dir, "c/train.csv", "0,1\n");
    write(dir, "c/test.csv", "0,1\n");
    write(dir, "d/ratings.dat", "1::1::1::1\n");
    write(dir, "e/u.data", "1\t1\t1\t1\n");
    write(dir, "f/f.inter", "user_id:token\titem_id:token\n");
    assertThat(locate(dir.resolve("a")).format()).isEqualTo(DataFormat.LIGHTGCN);
    assertThat(locate(dir.resolve("a")).files()).containsOnlyKeys(Part.TRAIN, Part.TEST);
    assertThat(locate(dir.resolve("b")).format()).isEqualTo(DataFormat.DELIMITED);
    assertThat(locate(dir.resolve("c")).format()).isEqualTo(DataFormat.DELIMITED);
    assertThat(locate(dir.resolve("d")).format()).isEqualTo(DataFormat.MOVIELENS);
    assertThat(locate(dir.resolve("d")).files()).containsOnlyKeys(Part.ALL);
    assertThat(locate(dir.resolve("e")).format()).isEqualTo(DataFormat.MOVIELENS);
    assertThat(locate(dir.resolve("f")).format()).isEqualTo(DataFormat.RECBOLE);
    assertThat(locate(dir.resolve("f/f.inter")).name()).isEqualTo("f");
  }

  @Test
  void relativePathsResolveAgainstTheRoot() {
    write(dir, "data/set/train.tsv", "0\t1\n");
    write(dir, "data/set/test.tsv", "0\t1\n");
    DatasetFiles files = DatasetFiles.locate(DatasetSpec.DEFAULTS.withPath("data/set"), dir);
    assertThat(files.name()).isEqualTo("set");
    assertThat(files.files().get(Part.TEST).name()).isEqualTo(dir.resolve("data/set/test.tsv").toString());
  }

  @Test
  void explicitFormatAndNameOverrideDetection() {
    write(dir, "train.txt", "0\t1\t5\n");
    write(dir, "test.txt", "0\t1\t5\n");
    DatasetFiles files = DatasetFiles.locate(with(with(spec(dir), "format", "tsv"), "name", "mine"), dir);
    assertThat(files.format()).isEqualTo(DataFormat.DELIMITED);
    assertThat(files.name()).isEqualTo("mine");
  }

  @Test
  void validationFilesAreFound() {
    write(dir, "train.tsv", "0\t1\n");
    write(dir, "valid.tsv", "0\t1\n");
    write(dir, "test.tsv", "0\t1\n");
    write(dir, "r/x.train.inter", "user_id:token\titem_id:token\n");
    write(dir, "r/x.valid.inter", "user_id:token\titem_id:token\n");
    write(dir, "r/x.test.inter", "user_id:token\titem_id:token\n");
    assertThat(locate(dir).files()).containsOnlyKeys(Part.TRAIN, Part.VALIDATION, Part.TEST);
    assertThat(locate(dir.resolve("r")).files().get(Part.VALIDATION).fileName()).isEqualTo("x.valid.inter");
  }

  @Test
  void missingThingsAreNamed() {
    assertThatThrownBy(() -> locate(dir.resolve("nope")))
        .isInstanceOf(UserInputException.class)
        .hasMessage(dir.resolve("nope") + ": missing file or folder");
    write(dir, "a/train.tsv", "0\t1\n");
    assertThatThrownBy(() -> locate(dir.resolve("a")))
        .hasMessageStartingWith(dir.resolve("a/test.tsv") + ": missing file");
    write(dir, "b/readme.md", "hello\n");
    assertThatThrownBy(() -> locate(dir.resolve("b")))
        .hasMessageStartingWith(dir.resolve("b") + ": no data files found");
    write(dir, "c/ratings.dat", "1::1::1::1\n");
    write(dir, "c/u.data", "1\t1\t1\t1\n");
    assertThatThrownBy(() -> locate(dir.resolve("c"))).hasMessageContaining("holds several data files");
  }

  @Test
  void unknownExtensionAsksForAFormat() {
    Path file = write(dir, "pairs.bin", "0 1\n");
    assertThatThrownBy(() -> locate(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("format: cannot tell the format of " + file);
  }

  @Test
  void builtinsComeFromTheClassPath() {
    DatasetFiles files = DatasetFiles.locate(DatasetSpec.DEFAULTS, dir);
    assertThat(files.name()).isEqualTo("lastfm");
    assertThat(files.format()).isEqualTo(DataFormat.DELIMITED);
    assertThat(files.files().get(Part.TRAIN).name()).isEqualTo("builtin:lastfm/train.tsv");
    assertThat(files.files().get(Part.TEST).bytes()).hasSize(144867);
    assertThatThrownBy(() -> DatasetFiles.locate(DatasetSpec.DEFAULTS.withPath("builtin:gowalla"), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage("path: unknown built-in data set 'gowalla'; known: lastfm");
  }
}
