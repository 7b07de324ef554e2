package org.rankcf.reports.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.util.UserInputException;

class PerUserCsvTest {
  @TempDir Path tmp;

  @Test
  void writesAUserColumnThenOneColumnPerMetric() throws IOException {
    Map<String, float[]> columns = new LinkedHashMap<>();
    columns.put("ndcg@20", new float[] {0f, 1f / 3, 0.5f});
    columns.put("recall@20", new float[] {0f, 0.25f, 1f});
    String csv = PerUserCsv.write(new int[] {0, 7, 12}, columns);
    // floats as Float.toString writes them: the file holds the evaluator's float values exactly
    assertThat(csv).isEqualTo("user,ndcg@20,recall@20\n0,0.0,0.0\n7,0.33333334,0.25\n12,0.5,1.0\n");

    Files.writeString(tmp.resolve(RunFiles.PER_USER), csv);
    assertThat(PerUserCsv.read(tmp, "recall@20")).containsExactly(Map.entry(0, 0.0), Map.entry(7, 0.25),
        Map.entry(12, 1.0));
    assertThat(PerUserCsv.read(tmp, "ndcg@20").get(7)).isEqualTo(0.33333334);
  }

  @Test
  void aRunWithoutTheFileHasNoValuesAndABadFileIsNamed() throws IOException {
    assertThat(PerUserCsv.read(tmp, "ndcg@20")).isNull();
    Path file = tmp.resolve(RunFiles.PER_USER);
    Files.writeString(file, "user,ndcg@20\n0,0.5\n");
    assertThatThrownBy(() -> PerUserCsv.read(tmp, "mrr@20")).isInstanceOf(UserInputException.class)
        .hasMessage(file + ": no column 'mrr@20' in the header [user, ndcg@20]");
    Files.writeString(file, "user,ndcg@20\n0,0.5\nx,0.25\n");
    assertThatThrownBy(() -> PerUserCsv.read(tmp, "ndcg@20")).isInstanceOf(UserInputException.class)
        .hasMessageStartingWith(file + ":3: expected a user id and a number");
  }
}
