package org.rankcf.reports.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.util.UserInputException;

class RunJsonTest {
  @TempDir Path tmp;

  static EpochRecord epoch(int epoch) {
    Map<String, Double> terms = new LinkedHashMap<>();
    terms.put("bpr", 0.5);
    terms.put("stable-rank", -0.25);
    return new EpochRecord(epoch, "warm", 0.25, terms, Map.of("ndcg@20", 0.125), 2.5, 3.5, 4.0, 5.0,
        new double[] {2.0, 1.0}, new double[] {3.0, Double.NaN}, 1.5, Map.of("bpr", 0.75), 0.5, 0.25, 2.0, true);
  }

  @Test
  void anEpochIsOneLineInTheFilesKeyOrder() {
    assertThat(Trajectory.line(epoch(3))).isEqualTo("{\"epoch\":3,\"phase\":\"warm\",\"loss\":0.25,"
        + "\"terms\":{\"bpr\":0.5,\"stable-rank\":-0.25},\"validation\":{\"ndcg@20\":0.125},\"improved\":true,"
        + "\"user_stable_rank\":2.5,\"item_stable_rank\":3.5,\"user_effective_rank\":4.0,\"item_effective_rank\":5.0,"
        + "\"user_spectrum\":[2.0,1.0],\"item_spectrum\":[3.0,\"NaN\"],\"train_seconds\":1.5,"
        + "\"term_seconds\":{\"bpr\":0.75},\"update_seconds\":0.5,\"eval_seconds\":0.25,\"elapsed_seconds\":2.0}\n");
  }

  @Test
  void aLineReadsBackAsTheSameRecord() throws IOException {
    Path file = tmp.resolve(RunFiles.TRAJECTORY);
    Files.writeString(file, Trajectory.line(epoch(0)) + "\n" + Trajectory.line(epoch(1)));
    List<RunJson.Line<EpochRecord>> lines = Trajectory.read(file);
    assertThat(lines).extracting(RunJson.Line::number).containsExactly(1, 3);
    EpochRecord back = lines.get(1).value();
    // written again, the record read gives the same line: no field was lost or changed
    assertThat(Trajectory.line(back)).isEqualTo(Trajectory.line(epoch(1)));
    assertThat(back.terms()).containsExactly(Map.entry("bpr", 0.5), Map.entry("stable-rank", -0.25));
    assertThat(back.itemSpectrum()[1]).isNaN();
    assertThat(back.improved()).isTrue();
  }

  /** A newer rankcf may add fields: this version reads what it knows and ignores the rest. */
  @Test
  void unknownKeysFromANewerWriterAreIgnored() throws IOException {
    Path file = tmp.resolve(RunFiles.TRAJECTORY);
    String line = Trajectory.line(epoch(0));
    Files.writeString(file, line.replace("{\"epoch\":0,", "{\"epoch\":0,\"gpu_seconds\":1.5,\"extra\":{\"a\":[1]},"));
    assertThat(Trajectory.line(Trajectory.read(file).get(0).value())).isEqualTo(line);
  }

  @Test
  void keysAddedAfterOlderFilesReadAsWhatTheirAbsenceMeans() throws IOException {
    Path file = tmp.resolve(RunFiles.TRAJECTORY);
    Files.writeString(file, Trajectory.line(epoch(0)).replace(",\"term_seconds\":{\"bpr\":0.75},\"update_seconds\":0.5", ""));
    EpochRecord read = Trajectory.read(file).get(0).value();
    assertThat(read.termSeconds()).isEmpty();
    assertThat(read.updateSeconds()).isNaN();
    assertThat(read.evalSeconds()).isEqualTo(0.25);
  }

  @Test
  void nullsAndMissingKeysAreRefusedByName() throws IOException {
    Path file = tmp.resolve(RunFiles.TRAJECTORY);
    String line = Trajectory.line(epoch(0));
    Files.writeString(file, line.replace("\"phase\":\"warm\"", "\"phase\":null"));
    assertThatThrownBy(() -> Trajectory.read(file)).isInstanceOf(UserInputException.class)
        .hasMessage(file + ":1: 'phase' must not be null");
    Files.writeString(file, line.replace("\"bpr\":0.5", "\"bpr\":null"));
    assertThatThrownBy(() -> Trajectory.read(file)).hasMessage(file + ":1: 'terms.bpr' must not be null");
    Files.writeString(file, line.replace("\"train_seconds\":1.5,", ""));
    assertThatThrownBy(() -> Trajectory.read(file)).hasMessage(file + ":1: missing key 'train_seconds'");
    Files.writeString(file, line.replace("\"loss\":0.25", "\"loss\":\"0.25\""));
    assertThatThrownBy(() -> Trajectory.read(file)).hasMessage(file + ":1: 'loss' must be a number, got \"0.25\"");
    Files.writeString(file, line.replace("\"terms\":{\"bpr\":0.5,\"stable-rank\":-0.25}", "\"terms\":[0.5]"));
    assertThatThrownBy(() -> Trajectory.read(file)).hasMessage(file + ":1: 'terms' must be an object, got an array");
  }

  @Test
  void metricsRoundTripWithTheirMemoryAndReadWithoutIt() throws IOException {
    RunMetrics metrics = new RunMetrics(4, 6, "early-stopping", -1, "ndcg@20", false, Map.of("ndcg@20", 0.5),
        Map.of("ndcg@20", 0.4), 1800, 3.0, 4.0, 10.0, 2.0, 8.5, Map.of("peak_heap_mb", 480L));
    Files.writeString(tmp.resolve(RunFiles.METRICS), RunJson.document(metrics));
    assertThat(RunMetrics.read(tmp)).isEqualTo(metrics);

    Files.writeString(tmp.resolve(RunFiles.METRICS), RunJson.document(metrics).replace(",\n  \"memory\" : {\n    \"peak_heap_mb\" : 480\n  }", ""));
    assertThat(RunMetrics.read(tmp).memory()).isEmpty();
  }
}
