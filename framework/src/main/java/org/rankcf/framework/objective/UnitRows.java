package org.rankcf.framework.objective;

import java.util.Arrays;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;

/**
 * Row normalisation x^ = x / max(||x||, 1e-12) of a row-major matrix and its chain rule: the one place
 * where the cosine-based objectives (alignment, uniformity, CCL, stable rank) normalise rows.
 *
 * <p>Per step: {@link #normalize} the raw rows, let the objective add dF/dx^ into {@link #gradient()},
 * then {@link #backward} adds {@code weight * dF/dx} into the raw rows' gradient. The Jacobian of the
 * normalisation is (I - x^ x^T) / ||x|| (a projection, so components along x^ drop out); below the 1e-12
 * floor it is I / 1e-12. Instances keep their buffers between steps and are not thread-safe.
 */
public final class UnitRows {
  /** The norm floor of the normalisation. */
  public static final double MIN_NORM = 1e-12;

  private float[] unit = new float[0];
  private float[] gradient = new float[0];
  private double[] norm = new double[0];
  private int rows;
  private int dim;

  /** Normalises the first {@code rows} rows of {@code x} (row stride {@code dim}) and clears the gradient. */
  public void normalize(float[] x, int rows, int dim) {
    this.rows = rows;
    this.dim = dim;
    int length = rows * dim;
    if (unit.length < length) {
      unit = new float[length];
      gradient = new float[length];
    }
    if (norm.length < rows) {
      norm = new double[rows];
    }
    KernelPath kernels = Kernels.path();
    for (int r = 0; r < rows; r++) {
      int base = r * dim;
      double n = Math.max(Math.sqrt(kernels.dot(x, base, x, base, dim)), MIN_NORM);
      norm[r] = n;
      float inverse = (float) (1 / n);
      for (int c = 0; c < dim; c++) {
        unit[base + c] = x[base + c] * inverse;
      }
    }
    Arrays.fill(gradient, 0, length, 0f);
  }

  /** Adds {@code weight} times the gradient w.r.t. the raw rows into {@code out} (same layout as the input). */
  public void backward(double weight, float[] out) {
    KernelPath kernels = Kernels.path();
    for (int r = 0; r < rows; r++) {
      int base = r * dim;
      float scale = (float) (weight / norm[r]);
      kernels.axpy(scale, gradient, base, out, base, dim);
      if (norm[r] > MIN_NORM) {
        float along = kernels.dot(gradient, base, unit, base, dim);
        kernels.axpy(-scale * along, unit, base, out, base, dim);
      }
    }
  }

  /** The normalised rows, {@link #rows()} x {@link #dim()} row-major. */
  public float[] unit() {
    return unit;
  }

  /** dF/dx^ for the objective to add into; same layout as {@link #unit()}. */
  public float[] gradient() {
    return gradient;
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }
}
