package org.rankcf.framework.batch;

import java.util.Arrays;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.util.Parallel;

/**
 * One mini-batch as losses and regularizers see it: B positive (user, item) pairs, N sampled negatives per
 * pair, and the embeddings of the batch's unique users and unique items gathered into dense matrices.
 *
 * <p>Unique items list the items that occur as positives first ({@link #numPositiveItems()} of them),
 * then the items that occur only as negatives. Objectives read {@link #users()} / {@link #items()} and add
 * their gradient into {@link #userGrad()} / {@link #itemGrad()}; a repeated id therefore accumulates its
 * gradient in one row, exactly as the gradient w.r.t. the table row. The trainer scatters those rows back.
 *
 * <p>Objectives that act on the whole tables (not only the batch rows) use {@link #userTable()} and
 * {@link #itemTable()} and add into {@link #userTableGrad()} / {@link #itemTableGrad()}.
 *
 * <p>Objectives on the model's parameters themselves (LightGCN's L2 on the layer-0 rows of the batch) use
 * {@link #userParameters()} / {@link #itemParameters()} and add into {@link #userParameterGrad()} /
 * {@link #itemParameterGrad()}; for a model whose parameters are its final tables (MF) these are the
 * gathered tables and their gradients.
 */
public final class Batch {
  private final int dim;
  private final int numUsersTotal;
  private final int numItemsTotal;
  private Parallel parallel = Parallel.serial();

  private int size;
  private int negatives;
  private int[] users = new int[0];
  private int[] posItems = new int[0];
  private int[] negItems = new int[0];
  private float[] negLogQ = new float[0];
  private boolean hasNegLogQ;

  private int numUniqueUsers;
  private int numUniqueItems;
  private int numPositiveItems;
  private int[] uniqueUsers = new int[0];
  private int[] uniqueItems = new int[0];
  private int[] userRow = new int[0];
  private int[] posRow = new int[0];
  private int[] negRow = new int[0];
  private final int[] userSlot;
  private final int[] itemSlot;

  private float[] u = new float[0];
  private float[] i = new float[0];
  private float[] gu = new float[0];
  private float[] gi = new float[0];

  private EmbeddingTable userTable;
  private EmbeddingTable itemTable;
  private float[] userTableGrad;
  private float[] itemTableGrad;
  private EmbeddingTable userParameters;
  private EmbeddingTable itemParameters;
  private float[] userParameterGrad;
  private float[] itemParameterGrad;

  /** A reusable batch over the given id ranges and embedding size. */
  public Batch(int numUsers, int numItems, int dim) {
    this.dim = dim;
    this.numUsersTotal = numUsers;
    this.numItemsTotal = numItems;
    this.userSlot = new int[numUsers];
    this.itemSlot = new int[numItems];
    Arrays.fill(userSlot, -1);
    Arrays.fill(itemSlot, -1);
  }

  /**
   * Sets the batch's pairs and negatives (copied) and works out the unique rows. {@code negItems} holds
   * {@code size * negatives} ids, the negatives of pair b at {@code b * negatives + k}.
   */
  public void assign(int[] users, int[] posItems, int size, int[] negItems, int negatives) {
    // the previous batch's slots stay readable until now (see userSlots())
    for (int r = 0; r < numUniqueUsers; r++) {
      userSlot[uniqueUsers[r]] = -1;
    }
    for (int r = 0; r < numUniqueItems; r++) {
      itemSlot[uniqueItems[r]] = -1;
    }
    this.size = size;
    this.negatives = negatives;
    this.users = ensure(this.users, size);
    this.posItems = ensure(this.posItems, size);
    this.negItems = ensure(this.negItems, size * negatives);
    System.arraycopy(users, 0, this.users, 0, size);
    System.arraycopy(posItems, 0, this.posItems, 0, size);
    System.arraycopy(negItems, 0, this.negItems, 0, size * negatives);
    hasNegLogQ = false;

    userRow = ensure(userRow, size);
    posRow = ensure(posRow, size);
    negRow = ensure(negRow, size * negatives);
    uniqueUsers = ensure(uniqueUsers, size);
    uniqueItems = ensure(uniqueItems, size * (1 + negatives));
    numUniqueUsers = 0;
    for (int b = 0; b < size; b++) {
      int user = users[b];
      int slot = userSlot[user];
      if (slot < 0) {
        slot = numUniqueUsers++;
        userSlot[user] = slot;
        uniqueUsers[slot] = user;
      }
      userRow[b] = slot;
    }
    numUniqueItems = 0;
    for (int b = 0; b < size; b++) {
      posRow[b] = itemSlot(posItems[b]);
    }
    numPositiveItems = numUniqueItems;
    for (int k = 0; k < size * negatives; k++) {
      negRow[k] = itemSlot(negItems[k]);
    }
    u = ensure(u, numUniqueUsers * dim);
    i = ensure(i, numUniqueItems * dim);
    gu = ensure(gu, numUniqueUsers * dim);
    gi = ensure(gi, numUniqueItems * dim);
    Arrays.fill(gu, 0, numUniqueUsers * dim, 0f);
    Arrays.fill(gi, 0, numUniqueItems * dim, 0f);
  }

  /**
   * Sets the log-probability with which the sampler drew each negative (copied; same layout as
   * {@link #negativeIds()}), for the logQ correction of sampled softmax. Valid until the next {@link #assign}.
   */
  public void setNegativeLogQ(float[] logQ) {
    negLogQ = ensure(negLogQ, size * negatives);
    System.arraycopy(logQ, 0, negLogQ, 0, size * negatives);
    hasNegLogQ = true;
  }

  /** Whether {@link #setNegativeLogQ} was called since the last {@link #assign}. */
  public boolean hasNegativeLogQ() {
    return hasNegLogQ;
  }

  /** Log q of pair b's k-th negative at {@code b * negatives() + k}; see {@link #setNegativeLogQ}. */
  public float[] negativeLogQ() {
    return negLogQ;
  }

  private int itemSlot(int item) {
    int slot = itemSlot[item];
    if (slot < 0) {
      slot = numUniqueItems++;
      itemSlot[item] = slot;
      uniqueItems[slot] = item;
    }
    return slot;
  }

  /** Copies the unique rows out of the given tables and remembers the tables and their gradients. */
  public void gather(EmbeddingTable users, EmbeddingTable items, float[] userTableGrad, float[] itemTableGrad) {
    this.userTable = users;
    this.itemTable = items;
    this.userTableGrad = userTableGrad;
    this.itemTableGrad = itemTableGrad;
    float[] userData = users.data();
    float[] itemData = items.data();
    forEachUniqueRow((user, slot, id) ->
        System.arraycopy(user ? userData : itemData, id * dim, user ? u : i, slot * dim, dim));
  }

  /**
   * Sets the model's parameter tables and their full-table gradient buffers, for a model that propagates
   * them into different final tables; the trainer adds those gradients to the parameters' after the model's
   * backward pass. Kept across {@link #assign} and {@link #gather}.
   */
  public void setParameters(EmbeddingTable users, EmbeddingTable items, float[] userGrad, float[] itemGrad) {
    this.userParameters = users;
    this.itemParameters = items;
    this.userParameterGrad = userGrad;
    this.itemParameterGrad = itemGrad;
  }

  /** Adds the unique rows' gradients into the full-table gradients, split over the threads. */
  public void scatter() {
    forEachUniqueRow((user, slot, id) -> Kernels.path().axpy(1f, user ? gu : gi, slot * dim,
        user ? userTableGrad : itemTableGrad, id * dim, dim));
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
    int users = numUniqueUsers;
    parallel.forRange(users + numUniqueItems, (chunk, from, to) -> {
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

  /**
   * For every user id, its row among the gathered unique users ({@link #userGrad()}), or -1 when the user is
   * not in the batch. Valid until the next {@link #assign}.
   */
  public int[] userSlots() {
    return userSlot;
  }

  /** For every item id, its row among the gathered unique items, or -1; valid until the next assign. */
  public int[] itemSlots() {
    return itemSlot;
  }

  /** Threads objectives may use for their per-batch work. */
  public Parallel parallel() {
    return parallel;
  }

  public void setParallel(Parallel parallel) {
    this.parallel = parallel;
  }

  public int dim() {
    return dim;
  }

  /** Number of users / items in the whole data set. */
  public int numUsersTotal() {
    return numUsersTotal;
  }

  public int numItemsTotal() {
    return numItemsTotal;
  }

  /** B, the number of positive pairs. */
  public int size() {
    return size;
  }

  /** N, the negatives per positive pair. */
  public int negatives() {
    return negatives;
  }

  /** User id of pair b (first {@link #size()} entries valid). */
  public int[] userIds() {
    return users;
  }

  public int[] positiveIds() {
    return posItems;
  }

  /** Negative item ids, pair b's k-th at {@code b * negatives() + k}. */
  public int[] negativeIds() {
    return negItems;
  }

  public int numUniqueUsers() {
    return numUniqueUsers;
  }

  public int numUniqueItems() {
    return numUniqueItems;
  }

  /** The first this many unique items occur as positives. */
  public int numPositiveItems() {
    return numPositiveItems;
  }

  public int[] uniqueUserIds() {
    return uniqueUsers;
  }

  public int[] uniqueItemIds() {
    return uniqueItems;
  }

  /** Row in {@link #users()} of pair b's user. */
  public int[] userRow() {
    return userRow;
  }

  /** Row in {@link #items()} of pair b's positive item. */
  public int[] positiveRow() {
    return posRow;
  }

  /** Row in {@link #items()} of pair b's k-th negative, at {@code b * negatives() + k}. */
  public int[] negativeRow() {
    return negRow;
  }

  /** Unique users' embeddings, numUniqueUsers x dim row-major. */
  public float[] users() {
    return u;
  }

  /** Unique items' embeddings, numUniqueItems x dim row-major. */
  public float[] items() {
    return i;
  }

  public float[] userGrad() {
    return gu;
  }

  public float[] itemGrad() {
    return gi;
  }

  public EmbeddingTable userTable() {
    return userTable;
  }

  public EmbeddingTable itemTable() {
    return itemTable;
  }

  public float[] userTableGrad() {
    return userTableGrad;
  }

  public float[] itemTableGrad() {
    return itemTableGrad;
  }

  /** The model's user parameters (layer 0): {@link #userTable()} unless {@link #setParameters} was called. */
  public EmbeddingTable userParameters() {
    return userParameters != null ? userParameters : userTable;
  }

  public EmbeddingTable itemParameters() {
    return itemParameters != null ? itemParameters : itemTable;
  }

  /** Gradient buffer of {@link #userParameters()}: {@link #userTableGrad()} unless set apart. */
  public float[] userParameterGrad() {
    return userParameters != null ? userParameterGrad : userTableGrad;
  }

  public float[] itemParameterGrad() {
    return itemParameters != null ? itemParameterGrad : itemTableGrad;
  }
}
