package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.experiments.cli.RankcfCli;
import org.rankcf.framework.util.FolderLock;

/** Faults a user can cause end in one line naming what to change, a non-zero exit and nothing written astray. */
class FailureCliTest {
  @TempDir
  Path dir;

  private Path data;
  private String stderr;

  @BeforeEach
  void writeData() throws IOException {
    data = TinyData.write(dir.resolve("tiny"));
    Files.writeString(dir.resolve("run.yaml"), TinyData.config(data, 2));
  }

  private int run(String... args) {
    CliRun run = CliRun.of(args);
    stderr = run.stderr();
    return run.code();
  }

  private void assertOneLine(int code, int expected, String... fragments) {
    assertThat(code).as(stderr).isEqualTo(expected);
    assertThat(stderr.strip().lines()).as(stderr).hasSize(1);
    assertThat(stderr).startsWith("rankcf: ").doesNotContain("Exception").doesNotContain("\tat ");
    for (String fragment : fragments) {
      assertThat(stderr).contains(fragment);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "threads=1000      | threads: must be at most 4 x the",
      "model.dim=1000000 | model.dim: too large: 1000000 x 1000000",
      "model.dim=2000000000 | model.dim: too large",
      "train.batch-size=2000000000 | train.batch-size: too large: 2000000000 x 2",
      "train.sampler.negatives=-1 | train.sampler.negatives: must be >= 0",
      "name=..           | name: '..' cannot name a run folder",
      "name=''           | name: '' cannot name a run folder"})
  void badSizesAndNamesAreRefusedUpFront(String override, String message) throws IOException {
    Path out = dir.resolve("out");
    assertOneLine(run("train", dir.resolve("run.yaml").toString(), "--resume", "--out", out.toString(), "--set", override),
        RankcfCli.USER_ERROR, message);
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.filter(f -> !f.getFileName().toString().endsWith(".lock"))).isEmpty();
      }
    }
  }

  @Test
  void anOutThatIsAFileOrReadOnlyIsOneLineNamingThePath() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertOneLine(run("train", dir.resolve("run.yaml").toString(), "--out", file.toString()), RankcfCli.USER_ERROR,
        "cannot create a run folder in " + file + ": exists and is not a folder");
    Path readOnly = Files.createDirectories(dir.resolve("ro"));
    assertThat(readOnly.toFile().setWritable(false)).isTrue();
    try {
      if (!Files.isWritable(readOnly)) { // root ignores permissions: then there is nothing to provoke
        assertOneLine(run("train", dir.resolve("run.yaml").toString(), "--out", readOnly.toString()), RankcfCli.USER_ERROR,
            readOnly.toString(), "permission denied or read-only");
      }
    } finally {
      readOnly.toFile().setWritable(true);
    }
  }

  @Test
  void aSweepNameThatLeavesItsFolderIsRefused() throws IOException {
    Files.writeString(dir.resolve("grid.yaml"), "name: ../../escape\nbase: run.yaml\n");
    assertOneLine(run("sweep", dir.resolve("grid.yaml").toString()), RankcfCli.USER_ERROR,
        "name: '../../escape' cannot name a sweep folder");
    assertThat(dir.resolve("escape")).doesNotExist();
  }

  @Test
  void aHugeGridIsRefusedWithItsCountBeforeExpanding() throws IOException {
    StringBuilder grid = new StringBuilder("name: huge\nbase: run.yaml\naxes:\n");
    String[] keys = {"seed", "train.optimizer.lr", "train.batch-size", "model.dim", "train.patience", "train.min-epochs", "data.seed"};
    for (String key : keys) {
      grid.append("  ").append(key).append(": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");
    }
    Files.writeString(dir.resolve("grid.yaml"), grid.toString());
    assertOneLine(run("sweep", dir.resolve("grid.yaml").toString(), "--out", dir.resolve("s").toString()),
        RankcfCli.USER_ERROR, "axes: the grid has 10000000 runs, more than the 100000");
  }

  @Test
  void aSweepFolderHeldByAnotherProcessIsRefusedNamingTheHolder() throws IOException {
    Files.writeString(dir.resolve("grid.yaml"), "name: held\nbase: run.yaml\n");
    Path sweep = dir.resolve("sweep");
    Path lockFile = sweep.resolve(FolderLock.FILE);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.rankcf.experiments.FailureCliTest$Holder", sweep.toString()).redirectErrorStream(true).start();
    try {
      assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("locked\n");
      assertOneLine(run("sweep", dir.resolve("grid.yaml").toString(), "--out", sweep.toString()), RankcfCli.USER_ERROR,
          sweep + ": in use by another sweep (sweep, pid " + holder.pid() + " on ");
      assertThat(sweep.resolve("r000-base")).doesNotExist();
    } finally {
      holder.destroyForcibly();
    }
    assertThat(lockFile).exists();
  }

  /** Holds a sweep folder's lock in its own process until killed. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), "sweep")) {
        System.out.print("locked\n");
        System.out.flush();
        Thread.sleep(120_000);
      }
    }
  }
}
