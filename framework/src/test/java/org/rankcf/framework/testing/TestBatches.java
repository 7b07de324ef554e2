package org.rankcf.framework.testing;

import java.util.SplittableRandom;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.model.EmbeddingTable;

/** Random batches over small id ranges, so that ids repeat within a batch. */
public final class TestBatches {
  private TestBatches() {}

  /**
   * A batch of {@code size} pairs with {@code negatives} negatives each over {@code numUsers} x
   * {@code numItems} ids, embeddings drawn N(0, scale^2), gathered and ready for an objective.
   */
  public static Batch random(int numUsers, int numItems, int dim, int size, int negatives, double scale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    EmbeddingTable users = table(numUsers, dim, scale, random);
    EmbeddingTable items = table(numItems, dim, scale, random);
    int[] u = new int[size];
    int[] pos = new int[size];
    int[] neg = new int[size * negatives];
    for (int b = 0; b < size; b++) {
      u[b] = random.nextInt(numUsers);
      pos[b] = random.nextInt(numItems);
    }
    for (int k = 0; k < neg.length; k++) {
      neg[k] = random.nextInt(numItems);
    }
    BatchAssembler batch = new BatchAssembler(numUsers, numItems, dim);
    batch.assign(u, pos, size, neg, negatives);
    batch.gather(users, items, new float[numUsers * dim], new float[numItems * dim]);
    return batch.batch();
  }

  /**
   * A gradient-check sized batch in which users, positives and negatives all repeat: 16 pairs over 6 users
   * and 9 items, dim 5, {@code negatives} per pair, entries N(0, scale^2).
   */
  public static Batch repeatingIds(int negatives, double scale, long seed) {
    return random(6, 9, 5, 16, negatives, scale, seed);
  }

  /**
   * A batch over explicit embeddings (one array per row of each table) and explicit pairs, for
   * hand-computed fixtures; {@code negItems} holds {@code negatives} ids per pair.
   */
  public static Batch of(float[][] userRows, float[][] itemRows, int[] users, int[] posItems, int[] negItems,
      int negatives) {
    int dim = userRows[0].length;
    EmbeddingTable userTable = table(userRows);
    EmbeddingTable itemTable = table(itemRows);
    BatchAssembler batch = new BatchAssembler(userRows.length, itemRows.length, dim);
    batch.assign(users, posItems, users.length, negItems, negatives);
    batch.gather(userTable, itemTable, new float[userRows.length * dim], new float[itemRows.length * dim]);
    return batch.batch();
  }

  private static EmbeddingTable table(float[][] rows) {
    int dim = rows[0].length;
    EmbeddingTable table = new EmbeddingTable(rows.length, dim);
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, table.data(), r * dim, dim);
    }
    return table;
  }

  /** A table with entries drawn N(0, scale^2). */
  public static EmbeddingTable table(int rows, int dim, double scale, SplittableRandom random) {
    EmbeddingTable table = new EmbeddingTable(rows, dim);
    float[] data = table.data();
    for (int t = 0; t < data.length; t++) {
      data[t] = (float) (scale * gaussian(random));
    }
    return table;
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
