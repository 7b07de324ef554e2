package org.rankcf.framework.objective;

import java.util.Arrays;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.util.Parallel;

/**
 * The uniformity of Wang and Isola (DirectAU): unif(X^) = log( mean over p &lt; q of exp(-t ||x^_p - x^_q||^2) )
 * over the n rows of a row-normalised matrix, with its gradient.
 *
 * <p>For unit rows ||x^_p - x^_q||^2 = 2 - 2 &lt;x^_p, x^_q&gt;, so the pair terms e_pq come from the Gram
 * matrix X^ X^T. With S = sum over p &lt; q of e_pq, d unif / d x^_p = (2t / S) sum over q != p of
 * e_pq x^_q: the same e_pq times X^. Both are computed over square tiles of rows (P, Q), P &lt;= Q only,
 * since e is symmetric: each tile's e_PQ is one gemmNT and feeds the gradient of both row blocks. That is
 * 1.5 n^2 d multiply-adds and n^2 / 2 exponentials, memory O(tile + n d) per chunk. Tiles are dealt
 * round-robin to one chunk per thread and the partial sums are added in chunk order, so results do not
 * depend on timing. The exponent is at most about 0, so nothing overflows; the e_pq are float exponentials
 * ({@link org.rankcf.framework.kernels.KernelPath#expShiftedSum}), their sums are added up in double.
 */
public final class Uniformity implements UnitRowTerm {
  private static final int BLOCK = 128;

  private final double t;
  private float[] blockTransposed = new float[0];
  private final PerChunk<ChunkBuffers> chunks = new PerChunk<>(ChunkBuffers::new);

  /** A uniformity with the given t (2 in DirectAU). */
  public Uniformity(double t) {
    this.t = t;
  }

  /** Returns unif of the rows (0 for fewer than two rows) and adds its gradient into {@code rows.gradient()}. */
  @Override
  public double valueAndGradient(UnitRows rows, Parallel parallel) {
    int n = rows.rows();
    int dim = rows.dim();
    if (n < 2) {
      return 0;
    }
    float[] x = rows.unit();
    int threads = parallel.threads();
    if (blockTransposed.length < n * dim) {
      blockTransposed = new float[n * dim];
    }
    for (ChunkBuffers buffers : chunks.first(threads)) {
      buffers.ensure(n * dim);
    }
    for (int first = 0; first < n; first += BLOCK) {
      RowMajor.transpose(x, first * dim, Math.min(BLOCK, n - first), dim, blockTransposed, first * dim);
    }
    double[] twiceSums = new double[threads];
    parallel.forRange(threads, threads, (chunk, from, to) ->
        twiceSums[chunk] = tiles(x, n, dim, chunk, threads, chunks.get(chunk)));
    double twiceSum = 0;
    for (double partial : twiceSums) {
      twiceSum += partial;
    }
    float scale = (float) (4 * t / twiceSum);
    KernelPath kernels = Kernels.path();
    for (ChunkBuffers buffers : chunks.first(threads)) {
      kernels.axpy(scale, buffers.direction, 0, rows.gradient(), 0, n * dim);
    }
    return Math.log(twiceSum / ((double) n * (n - 1)));
  }

  /**
   * The tiles dealt to {@code chunk}: returns their e_pq summed over ordered pairs p != q (each unordered
   * pair twice) and adds sum over q of e_pq x^_q into the chunk's direction rows.
   */
  private double tiles(float[] x, int n, int dim, int chunk, int chunkCount, ChunkBuffers buffers) {
    KernelPath kernels = Kernels.path();
    float[] tile = buffers.tile;
    Arrays.fill(buffers.direction, 0, n * dim, 0f);
    double twoT = 2 * t;
    double twiceSum = 0;
    int blocks = (n + BLOCK - 1) / BLOCK;
    int index = 0;
    for (int p = 0; p < blocks; p++) {
      for (int q = p; q < blocks; q++, index++) {
        if (index % chunkCount != chunk) {
          continue;
        }
        int firstP = p * BLOCK;
        int firstQ = q * BLOCK;
        int rowsP = Math.min(BLOCK, n - firstP);
        int rowsQ = Math.min(BLOCK, n - firstQ);
        kernels.gemmNT(x, firstP * dim, rowsP, x, firstQ * dim, rowsQ, dim, tile, 0, rowsQ);
        double sum = kernels.expShiftedSum(tile, rowsP * rowsQ, (float) twoT);
        if (p == q) {
          // a row with itself is not a pair
          for (int r = 0; r < rowsP; r++) {
            sum -= tile[r * rowsQ + r];
            tile[r * rowsQ + r] = 0;
          }
        }
        twiceSum += p == q ? sum : 2 * sum;
        kernels.gemmNT(tile, 0, rowsP, blockTransposed, firstQ * dim, dim, rowsQ, buffers.product, 0, dim);
        kernels.axpy(1f, buffers.product, 0, buffers.direction, firstP * dim, rowsP * dim);
        if (p != q) {
          RowMajor.transpose(tile, 0, rowsP, rowsQ, buffers.tileTransposed, 0);
          kernels.gemmNT(buffers.tileTransposed, 0, rowsQ, blockTransposed, firstP * dim, dim, rowsP,
              buffers.product, 0, dim);
          kernels.axpy(1f, buffers.product, 0, buffers.direction, firstQ * dim, rowsQ * dim);
        }
      }
    }
    return twiceSum;
  }

  /** One chunk's working memory: a tile of e_pq, its transpose, a product, and the chunk's gradient rows. */
  private static final class ChunkBuffers {
    final float[] tile = new float[BLOCK * BLOCK];
    final float[] tileTransposed = new float[BLOCK * BLOCK];
    final float[] product = new float[BLOCK * BLOCK];
    float[] direction = new float[0];

    void ensure(int length) {
      if (direction.length < length) {
        direction = new float[length];
      }
    }
  }
}
