package org.rankcf.losses;

import java.util.Arrays;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.objective.PerChunk;
import org.rankcf.framework.objective.RowMajor;

/**
 * In-batch softmax: for each of the B pairs, softmax cross-entropy of its user's scores over the batch's
 * unique positive items (the first {@link Batch#numPositiveItems()} item rows), target its own positive;
 * the other positives serve as negatives. Logits s / t; mean over the B pairs. Uses no sampled negatives.
 *
 * <p>The columns are the unique positive items rather than the B positives with repeats, so that an item
 * occurring in several pairs is never a negative for itself. The B x P logits are computed a block of
 * pairs at a time with gemmNT (O(B P d) time, O(block P) memory per chunk); the item gradients are summed
 * per chunk and combined in chunk order, the users' per pair and scattered in pair order.
 */
public final class InBatchSoftmaxLoss implements Loss {
  /** @param temperature t, dividing every score */
  public record Config(double temperature) {
    public static final Config DEFAULTS = new Config(1.0);

    public Config {
      Check.positive("temperature", temperature);
    }
  }

  public static final PluginFactory<Loss, Config> FACTORY = PluginFactory.of(
      Config.class, Config.DEFAULTS, "in-batch softmax: the batch's other positive items are the negatives",
      (config, context) -> new InBatchSoftmaxLoss(config));

  private static final int BLOCK = 64;

  private final double inverseTemperature;
  private float[] itemsTransposed = new float[0];
  private float[] pairUserGrad = new float[0];
  private final PerChunk<ChunkBuffers> chunks = new PerChunk<>(ChunkBuffers::new);

  public InBatchSoftmaxLoss(Config config) {
    this.inverseTemperature = 1 / config.temperature();
  }

  @Override
  public boolean usesNegatives() {
    return false;
  }

  @Override
  public double valueAndGradient(Batch batch, double weight) {
    int size = batch.size();
    int dim = batch.dim();
    int columns = batch.numPositiveItems();
    int threads = batch.parallel().threads();
    if (itemsTransposed.length < columns * dim) {
      itemsTransposed = new float[columns * dim];
    }
    if (pairUserGrad.length < size * dim) {
      pairUserGrad = new float[size * dim];
    }
    for (ChunkBuffers buffers : chunks.first(threads)) {
      buffers.ensure(columns, dim);
      Arrays.fill(buffers.itemGrad, 0, columns * dim, 0f);
    }
    RowMajor.transpose(batch.items(), 0, columns, dim, itemsTransposed, 0);
    double scale = weight * inverseTemperature / size;
    double sum = batch.parallel().sum(size, (chunk, from, to) -> pairs(batch, from, to, scale, chunks.get(chunk)));
    KernelPath kernels = Kernels.path();
    for (ChunkBuffers buffers : chunks.first(threads)) {
      kernels.axpy(1f, buffers.itemGrad, 0, batch.itemGrad(), 0, columns * dim);
    }
    for (int b = 0; b < size; b++) {
      kernels.axpy(1f, pairUserGrad, b * dim, batch.userGrad(), batch.userRow()[b] * dim, dim);
    }
    return sum / size;
  }

  /** Loss of the pairs [from, to); their user gradients into pairUserGrad, item gradients into the chunk's. */
  private double pairs(Batch batch, int from, int to, double scale, ChunkBuffers buffers) {
    KernelPath kernels = Kernels.path();
    int dim = batch.dim();
    int columns = batch.numPositiveItems();
    float[] logits = buffers.logits;
    double sum = 0;
    for (int first = from; first < to; first += BLOCK) {
      int m = Math.min(BLOCK, to - first);
      for (int r = 0; r < m; r++) {
        System.arraycopy(batch.users(), batch.userRow()[first + r] * dim, buffers.users, r * dim, dim);
      }
      kernels.gemmNT(buffers.users, 0, m, batch.items(), 0, columns, dim, logits, 0, columns);
      for (int r = 0; r < m; r++) {
        int row = r * columns;
        for (int c = 0; c < columns; c++) {
          logits[row + c] *= (float) inverseTemperature;
        }
        // turns the row of logits into d loss / d score (scaled)
        sum += Logits.crossEntropy(logits, row, columns, batch.positiveRow()[first + r], logits, scale);
      }
      // users: (m x P) slopes times the P x d items; items: (P x m) slopes^T times the m x d users
      kernels.gemmNT(logits, 0, m, itemsTransposed, 0, dim, columns, pairUserGrad, first * dim, dim);
      RowMajor.transpose(logits, 0, m, columns, buffers.logitsTransposed, 0);
      RowMajor.transpose(buffers.users, 0, m, dim, buffers.usersTransposed, 0);
      kernels.gemmNT(buffers.logitsTransposed, 0, columns, buffers.usersTransposed, 0, dim, m, buffers.product, 0, dim);
      kernels.axpy(1f, buffers.product, 0, buffers.itemGrad, 0, columns * dim);
    }
    return sum;
  }

  /** One chunk's working memory: a block of gathered user rows, its logits, and the chunk's item gradient. */
  private static final class ChunkBuffers {
    float[] users = new float[0];
    float[] usersTransposed = new float[0];
    float[] logits = new float[0];
    float[] logitsTransposed = new float[0];
    float[] product = new float[0];
    float[] itemGrad = new float[0];

    void ensure(int columns, int dim) {
      if (users.length < BLOCK * dim) {
        users = new float[BLOCK * dim];
        usersTransposed = new float[BLOCK * dim];
      }
      if (logits.length < BLOCK * columns) {
        logits = new float[BLOCK * columns];
        logitsTransposed = new float[BLOCK * columns];
      }
      if (itemGrad.length < columns * dim) {
        itemGrad = new float[columns * dim];
        product = new float[columns * dim];
      }
    }
  }
}
