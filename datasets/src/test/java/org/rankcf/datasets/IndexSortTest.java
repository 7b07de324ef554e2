package org.rankcf.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndexSortTest {
  @Test
  void ordersByKeyAndKeepsIndexOrderOnTies() {
    for (int n : new int[] {0, 1, 2, 7, 64, 1000}) {
      SplittableRandom random = new SplittableRandom(n);
      int[] keys = random.ints(n, 0, 10).toArray();
      int[] order = IndexSort.stableOrder(n, (a, b) -> Integer.compare(keys[a], keys[b]));
      assertThat(order).hasSize(n);
      boolean[] seen = new boolean[n];
      for (int k = 0; k < n; k++) {
        seen[order[k]] = true;
        if (k > 0) {
          int a = order[k - 1];
          int b = order[k];
          assertThat(keys[a] < keys[b] || keys[a] == keys[b] && a < b).isTrue();
        }
      }
      for (boolean s : seen) {
        assertThat(s).isTrue();
      }
    }
  }
}
