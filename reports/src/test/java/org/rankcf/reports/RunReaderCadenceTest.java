package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.train.EpochRecord;

/** A run that validates every k epochs (train.validate-every) has epochs without validation metrics. */
class RunReaderCadenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  /** Empties the validation of every epoch of the synthetic run except {@code kept}. */
  private Path runValidatedOnlyAt(int... kept) throws IOException {
    Path dir = new SyntheticRun().writeInto(tmp, "run");
    Path file = dir.resolve(RunReader.TRAJECTORY);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      ObjectNode epoch = (ObjectNode) JSON.readTree(line);
      int e = epoch.get("epoch").asInt();
      if (java.util.Arrays.stream(kept).noneMatch(k -> k == e)) {
        epoch.putObject("validation");
        epoch.put("improved", false);
      }
      lines.add(JSON.writeValueAsString(epoch));
    }
    Files.write(file, lines);
    return dir;
  }

  @Test
  void epochsWithoutValidationAreReadAndTheBestIsAValidatedOne() throws IOException {
    // the synthetic run's best epoch is 4
    RunRecord run = RunReader.read(runValidatedOnlyAt(2, 4));
    assertThat(run.trajectory()).extracting(EpochRecord::epoch).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(run.trajectory().get(3).validation()).isEmpty();
    assertThat(run.best().validation().get("ndcg@20")).isEqualTo(0.60);
  }

  @Test
  void aBestEpochWithoutValidationIsAnError() throws IOException {
    Path dir = runValidatedOnlyAt(2);
    assertThatThrownBy(() -> RunReader.read(dir)).hasMessage(dir.resolve(RunReader.METRICS)
        + ": best_epoch 4 is not a validated epoch of trajectory.jsonl");
  }

  @Test
  void aTrajectoryWithoutAnyValidationIsAnError() throws IOException {
    Path dir = runValidatedOnlyAt();
    assertThatThrownBy(() -> RunReader.read(dir)).hasMessage(dir.resolve(RunReader.TRAJECTORY)
        + ": no epoch has 'ndcg@20' (the selection metric)");
  }
}
