package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SL@K's K-th largest score by selection is the value a full sort gives, ties and short rows included. */
class UserQuantileSelectionTest {
  @Test
  void selectionAgreesWithSorting() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 2000; trial++) {
      int count = 1 + random.nextInt(60);
      int k = 1 + random.nextInt(25);
      float[] scores = new float[count + 5];
      for (int n = 0; n < count; n++) {
        // few distinct values so that ties are common; now and then a signed zero
        scores[n] = random.nextInt(10) == 0 ? (random.nextBoolean() ? -0.0f : 0.0f) : (random.nextInt(9) - 4) / 4f;
      }
      float[] sorted = Arrays.copyOf(scores, count);
      Arrays.sort(sorted);
      float expected = sorted[Math.max(count - k, 0)];

      float selected = UserQuantile.kthLargest(scores.clone(), count, k, new float[k]);
      assertThat(Float.floatToRawIntBits(selected)).as("count %d, k %d", count, k)
          .isEqualTo(Float.floatToRawIntBits(expected));
    }
  }

  @Test
  void handComputedRow() {
    float[] scores = {0.3f, -0.1f, 0.9f, 0.5f, 0.5f, 0.2f};
    assertThat(UserQuantile.kthLargest(scores, 6, 1, new float[1])).isEqualTo(0.9f);
    assertThat(UserQuantile.kthLargest(scores, 6, 2, new float[2])).isEqualTo(0.5f);
    assertThat(UserQuantile.kthLargest(scores, 6, 3, new float[3])).isEqualTo(0.5f);
    assertThat(UserQuantile.kthLargest(scores, 6, 4, new float[4])).isEqualTo(0.3f);
    assertThat(UserQuantile.kthLargest(scores, 6, 20, new float[20])).isEqualTo(-0.1f);
  }
}
