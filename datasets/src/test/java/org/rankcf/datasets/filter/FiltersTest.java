package org.rankcf.datasets.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rankcf.datasets.TestFiles.pairs;
import static org.rankcf.datasets.TestFiles.read;
import static org.rankcf.datasets.TestFiles.with;
import static org.rankcf.datasets.TestFiles.write;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.Part;
import org.rankcf.framework.data.Interactions;

class FiltersTest {
  @TempDir Path dir;

  @Test
  void ratingThresholdKeepsPairsAtOrAboveItAndRenumbers() {
    write(dir, "train.tsv", "1\t1\t5\n1\t2\t2\n2\t2\t3\n3\t3\t1\n");
    write(dir, "test.tsv", "1\t3\t4\n3\t1\t2.5\n");
    PairData data = read(dir, "rating-threshold", 3.0);
    // user 3 loses every pair and goes; every item keeps a pair
    assertThat(data.numUsers()).isEqualTo(2);
    assertThat(data.users().external(1)).isEqualTo("2");
    assertThat(data.numItems()).isEqualTo(3);
    assertThat(pairs(data.interactions(Part.TRAIN))).isEqualTo("[0:0, 1:1]");
    assertThat(pairs(data.interactions(Part.TEST))).isEqualTo("[0:2]");
    assertThat(data.part(Part.TRAIN).rating(1)).isEqualTo(3.0);
  }

  @Test
  void kCoreCascades() {
    // k = 2: item 4 has one user, so user 3 drops to one item and goes, which leaves item 3 with one user
    write(dir, "train.txt", "0 0 1 2\n1 0 1\n2 1 2\n3 3 4\n");
    write(dir, "test.txt", "4 3 2\n");
    PairData data = read(dir, "k-core", 2);
    assertThat(data.numUsers()).isEqualTo(3);
    assertThat(data.numItems()).isEqualTo(3);
    assertThat(pairs(data.merged())).isEqualTo("[0:0, 0:1, 0:2, 1:0, 1:1, 2:1, 2:2]");
    assertThat(data.interactions(Part.TEST).size()).isZero();
  }

  @Test
  void kCoreMatchesRepeatedRecountingOnLastfm() {
    for (int k : new int[] {5, 20}) {
      DatasetSpec spec = with(DatasetSpec.DEFAULTS, "k-core", k);
      PairData core = DatasetLoader.read(spec, dir);
      Set<String> expected = naiveCore(DatasetLoader.read(DatasetSpec.DEFAULTS, dir), k);
      Set<String> actual = externalPairs(core);
      assertThat(actual).isEqualTo(expected);
      Interactions merged = core.merged();
      for (int u = 0; u < merged.numUsers(); u++) {
        assertThat(merged.userDegree(u)).isGreaterThanOrEqualTo(k);
      }
      for (int i = 0; i < merged.numItems(); i++) {
        assertThat(merged.itemDegree(i)).isGreaterThanOrEqualTo(k);
      }
    }
  }

  /** Recounts degrees over the surviving pairs until no pair drops. */
  private static Set<String> naiveCore(PairData data, int k) {
    Interactions all = data.merged();
    int[] users = all.pairUsers();
    int[] items = all.userItems();
    boolean[] alive = new boolean[users.length];
    Arrays.fill(alive, true);
    boolean changed = true;
    while (changed) {
      int[] du = new int[all.numUsers()];
      int[] di = new int[all.numItems()];
      for (int p = 0; p < alive.length; p++) {
        if (alive[p]) {
          du[users[p]]++;
          di[items[p]]++;
        }
      }
      changed = false;
      for (int p = 0; p < alive.length; p++) {
        if (alive[p] && (du[users[p]] < k || di[items[p]] < k)) {
          alive[p] = false;
          changed = true;
        }
      }
    }
    Set<String> out = new HashSet<>();
    for (int p = 0; p < alive.length; p++) {
      if (alive[p]) {
        out.add(data.users().external(users[p]) + ":" + data.items().external(items[p]));
      }
    }
    return out;
  }

  private static Set<String> externalPairs(PairData data) {
    Interactions all = data.merged();
    int[] users = all.pairUsers();
    Set<String> out = new HashSet<>();
    for (int p = 0; p < users.length; p++) {
      out.add(data.users().external(users[p]) + ":" + data.items().external(all.userItems()[p]));
    }
    return out;
  }
}
