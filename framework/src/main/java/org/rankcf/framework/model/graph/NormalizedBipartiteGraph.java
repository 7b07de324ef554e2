package org.rankcf.framework.model.graph;

import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.kernels.CsrMatrix;

/**
 * The symmetric-normalised adjacency D^-1/2 A D^-1/2 of the user-item graph of the training pairs (no self
 * loops), weight 1 / sqrt(deg(u) deg(i)) on every pair. The full (users + items) square matrix is
 * [[0, R], [R^T, 0]], so it is kept as its two off-diagonal blocks: {@link #userToItem()} (R, a row per
 * user) and {@link #itemToUser()} (R^T, a row per item). Isolated users and items have empty rows. Built once
 * per split; the pair structure is shared with the {@link Interactions}, only the values are new.
 */
public final class NormalizedBipartiteGraph {
  private final CsrMatrix userToItem;
  private final CsrMatrix itemToUser;

  private NormalizedBipartiteGraph(CsrMatrix userToItem, CsrMatrix itemToUser) {
    this.userToItem = userToItem;
    this.itemToUser = itemToUser;
  }

  /** The normalised graph of the given (training) pairs. */
  public static NormalizedBipartiteGraph of(Interactions train) {
    int numUsers = train.numUsers();
    int numItems = train.numItems();
    int[] userPtr = train.userPtr();
    int[] userItems = train.userItems();
    int[] itemPtr = train.itemPtr();
    int[] itemUsers = train.itemUsers();
    float[] userValues = new float[userItems.length];
    for (int u = 0; u < numUsers; u++) {
      for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
        userValues[p] = weight(train.userDegree(u), train.itemDegree(userItems[p]));
      }
    }
    float[] itemValues = new float[itemUsers.length];
    for (int i = 0; i < numItems; i++) {
      for (int p = itemPtr[i]; p < itemPtr[i + 1]; p++) {
        itemValues[p] = weight(train.userDegree(itemUsers[p]), train.itemDegree(i));
      }
    }
    return new NormalizedBipartiteGraph(
        new CsrMatrix(numUsers, numItems, userPtr, userItems, userValues),
        new CsrMatrix(numItems, numUsers, itemPtr, itemUsers, itemValues));
  }

  /** Same value for (u, i) in both blocks, so that the stored matrix is exactly symmetric. */
  private static float weight(int userDegree, int itemDegree) {
    return (float) (1.0 / Math.sqrt((double) userDegree * itemDegree));
  }

  /** R: row u holds the normalised weights of u's items. */
  public CsrMatrix userToItem() {
    return userToItem;
  }

  /** R^T: row i holds the normalised weights of i's users. */
  public CsrMatrix itemToUser() {
    return itemToUser;
  }

  public int numUsers() {
    return userToItem.rows();
  }

  public int numItems() {
    return itemToUser.rows();
  }

  /** Nonzeros of the full symmetric matrix (twice the number of pairs). */
  public long nonZeros() {
    return (long) userToItem.nonZeros() + itemToUser.nonZeros();
  }
}
