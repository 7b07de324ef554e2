package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.run.RunFingerprint;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.RunReader;
import org.rankcf.reports.RunRecord;
import org.rankcf.reports.schema.Manifest;
import org.rankcf.reports.schema.PerUserCsv;
import org.rankcf.reports.schema.RunFiles;

/**
 * The committed run folder in src/test/resources/golden-run (a two-epoch run on {@link TinyData}) fixes the
 * run record's format: today's reader must read it, and a run written now must have the same files with the
 * same keys in the same order, the same value types and the same layout. A failure here means the format
 * changed: if that is intended, replace the golden files by those of a new run and say so in the commit.
 */
class GoldenRunFolderTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden-run");
  private static final List<String> FILES = List.of(RunFiles.MANIFEST, RunFiles.FINGERPRINT, RunFiles.TRAJECTORY,
      RunFiles.METRICS, RunFiles.PER_USER);
  // a JSON string (a key when a colon follows), a number, or a literal
  private static final Pattern TOKEN =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"(\\s*:)?|-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|true|false|null");

  @TempDir Path tmp;

  @Test
  void todaysReaderReadsTheGoldenRunFolder() {
    RunRecord run = RunReader.read(GOLDEN);
    assertThat(run.label()).isEqualTo("tiny");
    assertThat(run.trajectory()).extracting(EpochRecord::epoch).containsExactly(0, 1);
    assertThat(run.trajectory()).allSatisfy(epoch -> {
      assertThat(epoch.phase()).isEqualTo("tune");
      assertThat(epoch.userSpectrum()).hasSize(8);
      assertThat(epoch.termSeconds()).containsOnlyKeys("bpr");
    });
    assertThat(run.metrics().selectionMetric()).isEqualTo("ndcg@20");
    assertThat(run.metrics().test()).containsKeys("ndcg@5", "recall@20", "micro_recall@20");
    assertThat(run.metrics().memory()).containsKey("peak_heap_mb");
    assertThat(run.best().validation()).containsKey("ndcg@20");

    Manifest manifest = Manifest.read(GOLDEN);
    assertThat(manifest.data().users()).isEqualTo(60);
    assertThat(manifest.config().path("model").path("dim").asInt()).isEqualTo(8);
    assertThat(RunFingerprint.read(GOLDEN).content().path("split_hash").asText()).isEqualTo(manifest.data().splitHash());
    assertThat(PerUserCsv.read(GOLDEN, "recall@20")).hasSize(run.metrics().testUsers());
  }

  @Test
  void aRunWrittenNowHasTheGoldenFormat() throws IOException {
    Path data = TinyData.write(tmp.resolve("tiny"));
    Files.writeString(tmp.resolve("tiny.yaml"), TinyData.config(data, 2));
    CliRun cli = CliRun.of("train", tmp.resolve("tiny.yaml").toString(), "--out", tmp.resolve("runs").toString());
    assertThat(cli.code()).as(cli.stderr()).isZero();
    Path written;
    try (Stream<Path> runs = Files.list(tmp.resolve("runs"))) {
      written = runs.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
    }

    try (Stream<Path> files = Files.list(written)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FILES);
    }
    for (String file : FILES) {
      assertThat(shape(written.resolve(file))).as(file).isEqualTo(shape(GOLDEN.resolve(file)));
    }
  }

  /** The file with every value replaced by its kind (S, I, F, B) and keys, structure and layout kept. */
  static String shape(Path file) throws IOException {
    // git_dirty is true, false, or "unknown" where git cannot tell: all three are the format
    String text = Files.readString(file).replace("\"git_dirty\" : \"unknown\"", "\"git_dirty\" : false");
    Matcher token = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (token.find()) {
      String found = token.group();
      String kind = token.group(1) != null ? found
          : found.startsWith("\"") ? "S"
          : found.equals("true") || found.equals("false") ? "B"
          : found.equals("null") ? "null"
          : token.group(2) != null || token.group(3) != null ? "F" : "I";
      token.appendReplacement(out, Matcher.quoteReplacement(kind));
    }
    token.appendTail(out);
    return out.toString();
  }
}
