package org.rankcf.framework.batch;

import java.util.Arrays;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * Fills a {@link Batch} (the trainer's side of it): sets the pairs and negatives and works out the unique
 * rows, gathers those rows from the final tables, and scatters their gradients back. Keeps the id-to-row
 * maps that the optimiser's dense step reads.
 */
public final class BatchAssembler {
  private final Batch batch;
  private final int[] userSlot;
  private final int[] itemSlot;

  /** An assembler of a new batch over the given id ranges and embedding size. */
  public BatchAssembler(int numUsers, int numItems, int dim) {
    this(new Batch(numUsers, numItems, dim));
  }

  /** An assembler of an existing batch (its next {@link #assign} replaces the contents). */
  public BatchAssembler(Batch batch) {
    this.batch = batch;
    this.userSlot = new int[batch.numUsersTotal()];
    this.itemSlot = new int[batch.numItemsTotal()];
    Arrays.fill(userSlot, -1);
    Arrays.fill(itemSlot, -1);
  }

  public Batch batch() {
    return batch;
  }

  /** Threads the batch offers its objectives. */
  public void setParallel(Parallel parallel) {
    batch.parallel = parallel;
  }

  /**
   * Sets the batch's pairs and negatives (copied) and works out the unique rows. {@code negItems} holds
   * {@code size * negatives} ids, the negatives of pair b at {@code b * negatives + k}.
   */
  public void assign(int[] users, int[] posItems, int size, int[] negItems, int negatives) {
    Batch b = batch;
    // the previous batch's slots stay readable until now (see userSlots())
    for (int r = 0; r < b.numUniqueUsers; r++) {
      userSlot[b.uniqueUsers[r]] = -1;
    }
    for (int r = 0; r < b.numUniqueItems; r++) {
      itemSlot[b.uniqueItems[r]] = -1;
    }
    b.size = size;
    b.negatives = negatives;
    b.users = ensure(b.users, size);
    b.posItems = ensure(b.posItems, size);
    b.negItems = ensure(b.negItems, size * negatives);
    System.arraycopy(users, 0, b.users, 0, size);
    System.arraycopy(posItems, 0, b.posItems, 0, size);
    System.arraycopy(negItems, 0, b.negItems, 0, size * negatives);
    b.hasNegLogQ = false;

    b.userRow = ensure(b.userRow, size);
    b.posRow = ensure(b.posRow, size);
    b.negRow = ensure(b.negRow, size * negatives);
    b.uniqueUsers = ensure(b.uniqueUsers, size);
    b.uniqueItems = ensure(b.uniqueItems, size * (1 + negatives));
    b.numUniqueUsers = 0;
    for (int p = 0; p < size; p++) {
      int user = users[p];
      int slot = userSlot[user];
      if (slot < 0) {
        slot = b.numUniqueUsers++;
        userSlot[user] = slot;
        b.uniqueUsers[slot] = user;
      }
      b.userRow[p] = slot;
    }
    b.numUniqueItems = 0;
    for (int p = 0; p < size; p++) {
      b.posRow[p] = itemSlot(posItems[p]);
    }
    b.numPositiveItems = b.numUniqueItems;
    for (int k = 0; k < size * negatives; k++) {
      b.negRow[k] = itemSlot(negItems[k]);
    }
    int dim = b.dim;
    b.u = ensure(b.u, b.numUniqueUsers * dim);
    b.i = ensure(b.i, b.numUniqueItems * dim);
    b.gu = ensure(b.gu, b.numUniqueUsers * dim);
    b.gi = ensure(b.gi, b.numUniqueItems * dim);
    Arrays.fill(b.gu, 0, b.numUniqueUsers * dim, 0f);
    Arrays.fill(b.gi, 0, b.numUniqueItems * dim, 0f);
  }

  private int itemSlot(int item) {
    int slot = itemSlot[item];
    if (slot < 0) {
      slot = batch.numUniqueItems++;
      itemSlot[item] = slot;
      batch.uniqueItems[slot] = item;
    }
    return slot;
  }

  /**
   * Sets the log-probability with which the sampler drew each negative (copied; same layout as
   * {@link Batch#negativeIds()}), for the logQ correction of sampled softmax. Valid until the next
   * {@link #assign}.
   */
  public void setNegativeLogQ(float[] logQ) {
    int count = batch.size * batch.negatives;
    batch.negLogQ = ensure(batch.negLogQ, count);
    System.arraycopy(logQ, 0, batch.negLogQ, 0, count);
    batch.hasNegLogQ = true;
  }

  /** Copies the unique rows out of the given tables and remembers the tables and their gradients. */
  public void gather(EmbeddingTable users, EmbeddingTable items, float[] userTableGrad, float[] itemTableGrad) {
    Batch b = batch;
    b.userTable = users;
    b.itemTable = items;
    b.userTableGrad = userTableGrad;
    b.itemTableGrad = itemTableGrad;
    float[] userData = users.data();
    float[] itemData = items.data();
    int dim = b.dim;
    forEachUniqueRow((user, slot, id) ->
        System.arraycopy(user ? userData : itemData, id * dim, user ? b.u : b.i, slot * dim, dim));
  }

  /**
   * Sets the model's parameter tables and their full-table gradient buffers, for a model that propagates
   * them into different final tables; the trainer adds those gradients to the parameters' after the model's
   * backward pass. Kept across {@link #assign} and {@link #gather}.
   */
  public void setParameters(EmbeddingTable users, EmbeddingTable items, float[] userGrad, float[] itemGrad) {
    batch.userParameters = users;
    batch.itemParameters = items;
    batch.userParameterGrad = userGrad;
    batch.itemParameterGrad = itemGrad;
  }

  /** Zeroes the unique rows' gradients, for another evaluation on the same pairs (a loss's later pass). */
  public void clearRowGradients() {
    Arrays.fill(batch.gu, 0, batch.numUniqueUsers * batch.dim, 0f);
    Arrays.fill(batch.gi, 0, batch.numUniqueItems * batch.dim, 0f);
  }

  /** Adds the unique rows' gradients into the full-table gradients, split over the threads. */
  public void scatter() {
    Batch b = batch;
    int dim = b.dim;
    forEachUniqueRow((user, slot, id) -> Kernels.path().axpy(1f, user ? b.gu : b.gi, slot * dim,
        user ? b.userTableGrad : b.itemTableGrad, id * dim, dim));
  }

  /**
   * For every user id, its row among the gathered unique users ({@link Batch#userGrad()}), or -1 when the
   * user is not in the batch. Valid until the next {@link #assign}.
   */
  public int[] userSlots() {
    return userSlot;
  }

  /** For every item id, its row among the gathered unique items, or -1; valid until the next assign. */
  public int[] itemSlots() {
    return itemSlot;
  }

  /** One unique row: its side, its slot among the gathered rows and its table id. */
  @FunctionalInterface
  private interface UniqueRow {
    void visit(boolean user, int slot, int id);
  }

  /**
   * Visits every unique user row, then every unique item row, split over the threads. Ids are distinct within
   * a side, so bodies that write table row {@code id} or gathered row {@code slot} never collide.
   */
  private void forEachUniqueRow(UniqueRow body) {
    int users = batch.numUniqueUsers;
    int[] uniqueUsers = batch.uniqueUsers;
    int[] uniqueItems = batch.uniqueItems;
    batch.parallel.forRange(users + batch.numUniqueItems, (chunk, from, to) -> {
      for (int r = from; r < to; r++) {
        if (r < users) {
          body.visit(true, r, uniqueUsers[r]);
        } else {
          body.visit(false, r - users, uniqueItems[r - users]);
        }
      }
    });
  }

  private static int[] ensure(int[] array, int length) {
    return array.length >= length ? array : new int[Math.max(length, array.length * 3 / 2)];
  }

  private static float[] ensure(float[] array, int length) {
    return array.length >= length ? array : new float[Math.max(length, array.length * 3 / 2)];
  }
}
