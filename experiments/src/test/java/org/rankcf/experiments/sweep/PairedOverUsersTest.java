package org.rankcf.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.reports.schema.RunFiles;

class PairedOverUsersTest {
  @TempDir Path tmp;

  private Path run(String name, String csv) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    if (csv != null) {
      Files.writeString(dir.resolve(RunFiles.PER_USER), csv);
    }
    return dir;
  }

  @Test
  void pairsTheUsersBothRunsEvaluatedPerSeedAndPooled() throws IOException {
    Path base1 = run("b1", "user,ndcg@20\n0,0.1\n1,0.2\n2,0.0\n");
    Path treat1 = run("t1", "user,ndcg@20\n3,0.5\n1,0.4\n0,0.3\n");
    Path base2 = run("b2", "user,ndcg@20\n0,0.5\n1,0.25\n2,0.5\n");
    Path treat2 = run("t2", "user,ndcg@20\n0,0.75\n1,0.5\n2,0.0\n");
    Path older = run("older", null);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    PairedOverUsers.addTo(node, List.of("1", "2", "3"), List.of(base1, base2, older), List.of(treat1, treat2, treat2),
        "ndcg@20");

    // seed 1: users 0 and 1 (in the baseline's order); seed 2: users 0, 1, 2; seed 3 has no per-user file
    assertThat(node.get("per_user_tests")).hasSize(2);
    assertThat(node.get("per_user_tests").get(0).get("seed").asText()).isEqualTo("1");
    assertThat(node.get("per_user_tests").get(0).get("users").intValue()).isEqualTo(2);
    assertThat(node.get("per_user_tests").get(1).get("users").intValue()).isEqualTo(3);
    assertThat(node.get("per_user_tests").get(1).get("test_ndcg@20_ttest_p").doubleValue())
        .isCloseTo(new TTest().pairedTTest(new double[] {0.75, 0.5, 0.0}, new double[] {0.5, 0.25, 0.5}), within(1e-12));
    assertThat(node.get("user_pairs").intValue()).isEqualTo(5);
    assertThat(node.get("test_ndcg@20_ttest_p_over_users").doubleValue()).isCloseTo(new TTest().pairedTTest(
        new double[] {0.3, 0.4, 0.75, 0.5, 0.0}, new double[] {0.1, 0.2, 0.5, 0.25, 0.5}), within(1e-12));
  }

  @Test
  void withoutPerUserValuesThereIsNoPooledTest() throws IOException {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    PairedOverUsers.addTo(node, List.of("1"), List.of(run("a", null)), List.of(run("b", null)), "ndcg@20");
    assertThat(node.get("per_user_tests")).isEmpty();
    assertThat(node.has("user_pairs")).isFalse();
  }

  @Test
  void pairedKeepsCommonUsersInTheBaselinesOrder() {
    double[][] pair = PairedOverUsers.paired(Map.of(5, 0.5), Map.of(5, 0.25, 6, 1.0));
    assertThat(pair[0]).containsExactly(0.5);
    assertThat(pair[1]).containsExactly(0.25);
  }
}
