package org.rankcf.framework.model.graph;

import java.util.Arrays;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.util.Parallel;

/**
 * InfoNCE between two views of the same rows: with z = v / |v| per row and S_ij = z1_i . z2_j / tau,
 * the loss is the mean over rows i of -S_ii + log sum_j exp S_ij (row i of view 2 is row i's positive,
 * the other rows its negatives), as SimGCL contrasts the batch's users (and items) across views.
 *
 * <p>dL/dS_ij = (softmax_i(S)_j - [i == j]) / n; back through the normalisation,
 * dL/dv = (g - z (z . g)) / |v| for the gradient g w.r.t. z. Every output row is computed by one thread and
 * the value is summed in row order, so results do not depend on the thread count.
 */
final class InfoNce {
  private final int dim;
  private final Parallel parallel;
  private final KernelPath kernels = Kernels.path();
  private float[] z1 = new float[0];
  private float[] z2 = new float[0];
  private float[] norms1 = new float[0];
  private float[] norms2 = new float[0];
  /** n x n: softmax(S) minus the identity, then scaled into dL/dS. */
  private float[] scores = new float[0];
  private double[] rowLoss = new double[0];

  InfoNce(int dim, Parallel parallel) {
    this.dim = dim;
    this.parallel = parallel;
  }

  /**
   * The loss over rows {@code ids[0..n)} of the full tables {@code view1} and {@code view2}; adds
   * {@code weight} times its gradient into the same rows of {@code grad1} and {@code grad2} (which may be one
   * array: the view-1 part is added first, then the view-2 part).
   */
  double valueAndGradient(float[] view1, float[] view2, int[] ids, int n, double temperature, double weight,
      float[] grad1, float[] grad2) {
    if (n == 0) {
      return 0;
    }
    ensure(n);
    normalise(view1, ids, n, z1, norms1);
    normalise(view2, ids, n, z2, norms2);
    float inverseTemperature = (float) (1 / temperature);
    parallel.forRange(n, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        int base = i * n;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          scores[base + j] = kernels.dot(z1, i * dim, z2, j * dim, dim) * inverseTemperature;
          max = Math.max(max, scores[base + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += Math.exp(scores[base + j] - max);
        }
        double logSum = max + Math.log(sum);
        rowLoss[i] = logSum - scores[base + i];
        for (int j = 0; j < n; j++) {
          scores[base + j] = (float) ((Math.exp(scores[base + j] - logSum) - (i == j ? 1 : 0)) * weight / n);
        }
      }
    });
    // dL/dz1_i = sum_j dS_ij z2_j / tau and dL/dz2_j = sum_i dS_ij z1_i / tau
    backToRows(n, n, 1, z2, z1, norms1, ids, inverseTemperature, grad1);
    backToRows(n, 1, n, z1, z2, norms2, ids, inverseTemperature, grad2);
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += rowLoss[i];
    }
    return total / n;
  }

  /**
   * For every row r: g = sum_o dS[r * rowStride + o * otherStride] z_other_o / tau, added through row r's
   * normalisation into row ids[r] of {@code grad}; each row by one thread.
   */
  private void backToRows(int n, int rowStride, int otherStride, float[] other, float[] z, float[] norms,
      int[] ids, float inverseTemperature, float[] grad) {
    parallel.forRange(n, (chunk, from, to) -> {
      float[] g = new float[dim];
      for (int r = from; r < to; r++) {
        Arrays.fill(g, 0f);
        for (int o = 0; o < n; o++) {
          kernels.axpy(scores[r * rowStride + o * otherStride] * inverseTemperature, other, o * dim, g, 0, dim);
        }
        addThroughNormalisation(g, z, norms[r], r, ids[r], grad);
      }
    });
  }

  private void ensure(int n) {
    if (rowLoss.length < n) {
      z1 = new float[n * dim];
      z2 = new float[n * dim];
      norms1 = new float[n];
      norms2 = new float[n];
      rowLoss = new double[n];
    }
    if (scores.length < n * n) {
      scores = new float[n * n];
    }
  }

  private void normalise(float[] view, int[] ids, int n, float[] z, float[] norms) {
    parallel.forRange(n, (chunk, from, to) -> {
      for (int r = from; r < to; r++) {
        int source = ids[r] * dim;
        float norm = (float) Math.sqrt(kernels.dot(view, source, view, source, dim));
        // a zero row (an isolated node without noise) has no direction: it stays zero, gradient zero
        float inverse = norm > 0 ? 1 / norm : 0f;
        norms[r] = norm;
        for (int c = 0; c < dim; c++) {
          z[r * dim + c] = view[source + c] * inverse;
        }
      }
    });
  }

  /** Adds (g - z (z . g)) / |v| into row {@code id} of {@code grad}. */
  private void addThroughNormalisation(float[] g, float[] z, float norm, int row, int id, float[] grad) {
    if (norm == 0) {
      return;
    }
    float along = kernels.dot(z, row * dim, g, 0, dim);
    for (int c = 0; c < dim; c++) {
      grad[id * dim + c] += (g[c] - z[row * dim + c] * along) / norm;
    }
  }
}
