package org.rankcf.framework.batch;

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
 *
 * <p>A batch only shows its contents; the trainer (and tests) fill it through a {@link BatchAssembler}.
 */
public final class Batch {
  final int dim;
  private final int numUsersTotal;
  private final int numItemsTotal;
  Parallel parallel = Parallel.serial();

  int size;
  int negatives;
  int[] users = new int[0];
  int[] posItems = new int[0];
  int[] negItems = new int[0];
  float[] negLogQ = new float[0];
  boolean hasNegLogQ;

  int numUniqueUsers;
  int numUniqueItems;
  int numPositiveItems;
  int[] uniqueUsers = new int[0];
  int[] uniqueItems = new int[0];
  int[] userRow = new int[0];
  int[] posRow = new int[0];
  int[] negRow = new int[0];

  float[] u = new float[0];
  float[] i = new float[0];
  float[] gu = new float[0];
  float[] gi = new float[0];

  EmbeddingTable userTable;
  EmbeddingTable itemTable;
  float[] userTableGrad;
  float[] itemTableGrad;
  EmbeddingTable userParameters;
  EmbeddingTable itemParameters;
  float[] userParameterGrad;
  float[] itemParameterGrad;

  /** An empty batch over the given id ranges and embedding size; a {@link BatchAssembler} fills it. */
  public Batch(int numUsers, int numItems, int dim) {
    this.dim = dim;
    this.numUsersTotal = numUsers;
    this.numItemsTotal = numItems;
  }

  /** Whether a log q was set for the current negatives ({@link BatchAssembler#setNegativeLogQ}). */
  public boolean hasNegativeLogQ() {
    return hasNegLogQ;
  }

  /** Log q of pair b's k-th negative at {@code b * negatives() + k}; see {@link #hasNegativeLogQ()}. */
  public float[] negativeLogQ() {
    return negLogQ;
  }

  /** Threads objectives may use for their per-batch work. */
  public Parallel parallel() {
    return parallel;
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

  /** The model's user parameters (layer 0): {@link #userTable()} unless the model's parameter tables were set apart. */
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
