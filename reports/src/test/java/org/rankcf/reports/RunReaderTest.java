package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.util.UserInputException;
import org.rankcf.reports.schema.RunMetrics;

class RunReaderTest {
  @TempDir Path tmp;

  @Test
  void readsEveryFieldOfARunFolder() {
    Path dir = new SyntheticRun().warm(1).writeInto(tmp, "run-a");
    RunRecord run = RunReader.read(dir);

    assertThat(run.label()).isEqualTo("lastfm-mf-bpr");
    assertThat(run.warmStart()).isTrue();
    assertThat(run.switchEpoch()).isEqualTo(2);
    assertThat(run.trajectory()).extracting(EpochRecord::epoch).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(run.trajectory()).extracting(EpochRecord::phase)
        .containsExactly("warm", "warm", "tune", "tune", "tune", "tune");
    EpochRecord third = run.trajectory().get(2);
    assertThat(third.validation()).containsEntry("ndcg@20", 0.58).containsEntry("recall@20", 1.5 * 0.58);
    assertThat(third.terms()).containsOnlyKeys("bpr");
    // a trajectory written before the per-term timings existed reads with none
    assertThat(third.termSeconds()).isEmpty();
    assertThat(third.updateSeconds()).isNaN();
    assertThat(run.trajectory().get(0).terms()).containsOnlyKeys("bpr", "stable-rank");
    assertThat(third.userSpectrum()).containsExactly(3.2, 2.0, 1.0, 0.5);
    assertThat(third.itemSpectrum()).containsExactly(3.2, 2.0, 1.0, 0.0);
    assertThat(third.elapsedSeconds()).isEqualTo(6.0);
    assertThat(third.improved()).isTrue();
    assertThat(run.trajectory().get(3).improved()).isFalse();

    RunMetrics m = run.metrics();
    assertThat(m.bestEpoch()).isEqualTo(4);
    assertThat(m.switchEpoch()).isEqualTo(2);
    assertThat(m.selectionMetric()).isEqualTo("ndcg@20");
    assertThat(m.test()).containsEntry("ndcg@20", 0.9 * 0.60);
    assertThat(run.best().validation().get("ndcg@20")).isEqualTo(0.60);
    assertThat(run.manifest().path("data").path("name").asText()).isEqualTo("lastfm");
  }

  @Test
  void aRunWithoutWarmStartNeverSwitches() {
    RunRecord run = RunReader.read(new SyntheticRun().writeInto(tmp, "run"));
    assertThat(run.warmStart()).isFalse();
    assertThat(run.switchEpoch()).isEqualTo(-1);
  }

  @Test
  void readsNonFiniteNumbersWrittenAsStrings() throws IOException {
    editLine(0, l -> l.replaceFirst("\"loss\":[^,]+", "\"loss\":\"NaN\""));
    Path file = editLine(1, l -> l.replaceFirst("\"loss\":[^,]+", "\"loss\":Infinity"));
    RunRecord run = RunReader.read(file.getParent());
    assertThat(run.trajectory().get(0).loss()).isNaN();
    assertThat(run.trajectory().get(1).loss()).isInfinite();
  }

  @Test
  void aFolderOfRunsLabelsRunsThatShareANameByFolder() throws IOException {
    new SyntheticRun().seed(123).writeInto(tmp, "bpr-s123");
    new SyntheticRun().seed(246).writeInto(tmp, "bpr-s246");
    new SyntheticRun().name("bpr-warm").warm(1).writeInto(tmp, "bpr-warm-s123");
    Files.createDirectories(tmp.resolve("failed-run"));
    new SyntheticRun().writeInto(tmp, ".in-progress.partial");
    Files.writeString(tmp.resolve(RunReader.STATS), "{\"p_value\": 0.012}");

    RunSet set = RunReader.readFolder(tmp);

    assertThat(set.runs()).extracting(RunRecord::label).containsExactly("bpr-s123", "bpr-s246", "bpr-warm");
    assertThat(set.skipped()).containsExactly("failed-run");
    assertThat(set.results()).isEmpty();
    assertThat(set.stats()).hasValueSatisfying(s -> assertThat(s.path("p_value").asDouble()).isEqualTo(0.012));
    assertThat(set.selectionMetric()).isEqualTo("ndcg@20");
  }

  @Test
  void runsOfOneReportShareTheirSelectionMetric() throws IOException {
    new SyntheticRun().writeInto(tmp, "a");
    Path other = new SyntheticRun().writeInto(tmp, "b").resolve(RunReader.METRICS);
    Files.writeString(other, Files.readString(other).replace("\"selection_metric\" : \"ndcg@20\"",
        "\"selection_metric\" : \"recall@20\""));
    assertThatThrownBy(() -> RunReader.readFolder(tmp)).isInstanceOf(UserInputException.class)
        .hasMessage(other + ": selection_metric recall@20 differs from ndcg@20 of a; one report compares runs on one metric");
  }

  @Test
  void aRunFolderIsASetOfOne() {
    Path dir = new SyntheticRun().writeInto(tmp, "run");
    RunSet set = RunReader.readFolder(dir);
    assertThat(set.root()).isEqualTo(dir);
    assertThat(set.runs()).hasSize(1);
  }

  @Test
  void aFolderWithoutRunsIsAnError() {
    assertThatThrownBy(() -> RunReader.readFolder(tmp)).isInstanceOf(UserInputException.class)
        .hasMessage(tmp + ": neither a run folder (no metrics.json) nor a folder of run folders");
    assertThatThrownBy(() -> RunReader.readFolder(tmp.resolve("nope"))).isInstanceOf(UserInputException.class)
        .hasMessage(tmp.resolve("nope") + ": no such folder");
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path dir = new SyntheticRun().writeInto(tmp, "run");
    Files.delete(dir.resolve(RunReader.TRAJECTORY));
    assertThatThrownBy(() -> RunReader.read(dir)).isInstanceOf(UserInputException.class)
        .hasMessage(dir.resolve(RunReader.TRAJECTORY) + ": no such file");
  }

  @Test
  void aMalformedTrajectoryLineIsNamedByLine() throws IOException {
    Path file = editLine(2, l -> l.substring(0, 30));
    assertThatThrownBy(() -> RunReader.read(file.getParent())).isInstanceOf(UserInputException.class)
        .hasMessageStartingWith(file + ":3: malformed JSON: ");
  }

  static Stream<Arguments> badTrajectoryLines() {
    return Stream.of(
        Arguments.of(1, "\"loss\":[^,]+,", "", ":2: missing key 'loss'"),
        Arguments.of(3, "\"phase\":\"tune\"", "\"phase\":\"cool\"", ":4: 'phase' must be warm or tune, got 'cool'"),
        Arguments.of(0, "\"user_spectrum\":\\[3.0,", "\"user_spectrum\":[\"big\",",
            ":1: 'user_spectrum[0]' must be a number, got \"big\""),
        Arguments.of(0, "\"improved\":(true|false)", "\"improved\":1", ":1: 'improved' must be true or false, got 1"),
        Arguments.of(0, "\"epoch\":0", "\"epoch\":\"0\"", ":1: 'epoch' must be an integer, got \"0\""),
        Arguments.of(4, "\"ndcg@20\"", "\"ndcg@10\"", ":5: validation has no 'ndcg@20' (the selection metric)"));
  }

  @ParameterizedTest
  @MethodSource("badTrajectoryLines")
  void aMissingOrMistypedKeyIsNamedByLineAndKey(int index, String regex, String replacement, String message)
      throws IOException {
    Path file = editLine(index, l -> l.replaceFirst(regex, replacement));
    assertThatThrownBy(() -> RunReader.read(file.getParent())).isInstanceOf(UserInputException.class)
        .hasMessage(file + message);
  }

  @Test
  void epochsMustIncrease() throws IOException {
    Path file = tmp.resolve("run").resolve(RunReader.TRAJECTORY);
    fresh();
    String second = Files.readAllLines(file).get(1);
    editLine(2, l -> second);
    assertThatThrownBy(() -> RunReader.read(file.getParent())).hasMessage(file + ":3: epoch 1 does not follow epoch 1");
  }

  @Test
  void metricsErrorsNameTheFileAndLine() throws IOException {
    Path dir = new SyntheticRun().writeInto(tmp, "run");
    Path file = dir.resolve(RunReader.METRICS);
    String good = Files.readString(file);

    Files.writeString(file, good.replace("\"stop_reason\" : \"early-stopping\",", "\"stop_reason\" : \"early-stopping\""));
    assertThatThrownBy(() -> RunReader.read(dir)).isInstanceOf(UserInputException.class)
        .hasMessageStartingWith(file + ":5: malformed JSON: ");

    Files.writeString(file, good.replace("\"best_epoch\" : 4", "\"best_epoch\" : 4.5"));
    assertThatThrownBy(() -> RunReader.read(dir)).hasMessage(file + ": 'best_epoch' must be an integer, got 4.5");

    Files.writeString(file, good.replace("\"best_epoch\" : 4", "\"best_epoch\" : 40"));
    assertThatThrownBy(() -> RunReader.read(dir)).hasMessage(file + ": best_epoch 40 is not an epoch of trajectory.jsonl");

    Files.writeString(file, "");
    assertThatThrownBy(() -> RunReader.read(dir)).hasMessage(file + ": is empty");
  }

  @Test
  void anEmptyTrajectoryIsAnError() throws IOException {
    Path dir = new SyntheticRun().writeInto(tmp, "run");
    Files.writeString(dir.resolve(RunReader.TRAJECTORY), "\n");
    assertThatThrownBy(() -> RunReader.read(dir)).hasMessage(dir.resolve(RunReader.TRAJECTORY) + ": holds no epoch");
  }

  /** A synthetic run at tmp/run, its files as written. */
  private void fresh() {
    new SyntheticRun().writeInto(tmp, "run");
  }

  /** Edits one line of tmp/run's trajectory (writing the run first if needed); returns the trajectory file. */
  private Path editLine(int index, UnaryOperator<String> edit) throws IOException {
    Path file = tmp.resolve("run").resolve(RunReader.TRAJECTORY);
    if (!Files.exists(file)) {
      fresh();
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(index, edit.apply(lines.get(index)));
    Files.write(file, lines);
    return file;
  }
}
