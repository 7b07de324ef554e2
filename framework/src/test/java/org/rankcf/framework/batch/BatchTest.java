package org.rankcf.framework.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.model.EmbeddingTable;

class BatchTest {
  /** Adds weight * (row + slot) to the gradient: depends on the row it is given and on the slot. */
  private static RowGradient shifted(float weight) {
    return (slot, row, rowOffset, grad, gradOffset) -> {
      for (int c = 0; c < 2; c++) {
        grad[gradOffset + c] += weight * (row[rowOffset + c] + slot);
      }
    };
  }

  /** Users 0 and 2 (rows 0, 1), items 1 and 0 (rows 0, 1) of 2-d tables whose entries are 10 * row + column. */
  private static Batch batch() {
    Batch batch = new Batch(3, 2, 2);
    batch.assign(new int[] {0, 2}, new int[] {1, 0}, 2, new int[0], 0);
    EmbeddingTable users = new EmbeddingTable(3, 2);
    EmbeddingTable items = new EmbeddingTable(2, 2);
    for (int t = 0; t < 6; t++) {
      users.data()[t] = 10 * (t / 2) + t % 2;
    }
    for (int t = 0; t < 4; t++) {
      items.data()[t] = 10 * (t / 2) + t % 2;
    }
    batch.gather(users, items, new float[6], new float[4]);
    return batch;
  }

  @Test
  void readingTheGradientAddsTheDeferredOneInOnce() {
    Batch batch = batch();
    batch.userGradWithoutDeferred()[1] = 5f;
    batch.deferUserGradient(shifted(1f));
    assertThat(batch.userGradWithoutDeferred()).startsWith(0f, 5f);
    assertThat(batch.deferredUserGradient()).isNotNull();
    // user 0 (row 0): 0 + 0, 1 + 0; user 2 (row 1): 20 + 1, 21 + 1
    assertThat(batch.userGrad()).startsWith(0f, 6f, 21f, 22f);
    assertThat(batch.deferredUserGradient()).isNull();
    assertThat(batch.userGrad()).startsWith(0f, 6f, 21f, 22f);
    assertThat(batch.itemGrad()).startsWith(0f, 0f, 0f, 0f);
  }

  @Test
  void aSecondDeferredGradientAddsThePendingOneFirst() {
    Batch batch = batch();
    batch.deferItemGradient(shifted(1f));
    batch.deferItemGradient(shifted(2f));
    // item 1 (row 0): 3 * (10, 11); item 0 (row 1): 3 * (0 + 1, 1 + 1)
    assertThat(batch.itemGrad()).startsWith(30f, 33f, 3f, 6f);
  }

  @Test
  void scatterAddsDeferredGradientsIntoTheTableRows() {
    Batch batch = batch();
    batch.userGradWithoutDeferred()[0] = 1f;
    batch.deferUserGradient(shifted(1f));
    batch.deferItemGradient(shifted(-1f));
    batch.scatter();
    assertThat(batch.userTableGrad()).containsExactly(1f, 1f, 0f, 0f, 21f, 22f);
    assertThat(batch.itemTableGrad()).containsExactly(-1f, -2f, -10f, -11f);
    assertThat(batch.deferredUserGradient()).isNull();
  }

  @Test
  void assigningANewBatchDropsThePendingGradients() {
    Batch batch = batch();
    batch.deferUserGradient(shifted(1f));
    batch.assign(new int[] {1}, new int[] {0}, 1, new int[0], 0);
    assertThat(batch.deferredUserGradient()).isNull();
  }
}
