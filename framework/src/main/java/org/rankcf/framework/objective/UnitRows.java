package org.rankcf.framework.objective;

import java.util.Arrays;
import org.rankcf.framework.kernels.KernelPath;
import org.rankcf.framework.kernels.Kernels;
import org.rankcf.framework.util.Parallel;

/**
 * Row normalisation x^ = x / max(||x||, 1e-12) of a row-major matrix and its chain rule: the one place
 * where the cosine-based objectives (alignment, uniformity, CCL, stable rank) and the normalised model
 * outputs normalise rows.
 *
 * <p>Per step: {@link #normalize} the raw rows, let the objective add dF/dx^ into {@link #gradient()},
 * then {@link #backward} adds {@code weight * dF/dx} into the raw rows' gradient. The Jacobian of the
 * normalisation is (I - x^ x^T) / ||x|| (a projection, so components along x^ drop out); below the 1e-12
 * floor it is I / 1e-12. Every row is computed on its own, so the variants taking a {@link Parallel} give
 * the same bits for any thread count. Instances keep their buffers between steps and are not thread-safe.
 */
public final class UnitRows {
  /** The norm floor of the normalisation. */
  public static final double MIN_NORM = 1e-12;

  private final boolean fixedUnit;
  private float[] unit;
  /** Allocated when an objective first asks for it (the model outputs bring their own dF/dx^). */
  private float[] gradient;
  private double[] norm = new double[0];
  private int rows;
  private int dim;

  public UnitRows() {
    this.fixedUnit = false;
    this.unit = new float[0];
  }

  /** Normalises into {@code unit}, which must hold every row this instance is given. */
  public UnitRows(float[] unit) {
    this.fixedUnit = true;
    this.unit = unit;
  }

  /** Normalises the first {@code rows} rows of {@code x} (row stride {@code dim}) and clears the gradient. */
  public void normalize(float[] x, int rows, int dim) {
    normalize(x, rows, dim, Parallel.serial());
  }

  /** As {@link #normalize(float[], int, int)}, the rows split over the threads. */
  public void normalize(float[] x, int rows, int dim, Parallel parallel) {
    this.rows = rows;
    this.dim = dim;
    int length = rows * dim;
    if (unit.length < length) {
      if (fixedUnit) {
        throw new IllegalArgumentException(rows + " x " + dim + " rows do not fit the given " + unit.length);
      }
      unit = new float[length];
    }
    if (gradient != null && gradient.length < length) {
      gradient = new float[length];
    }
    if (norm.length < rows) {
      norm = new double[rows];
    }
    float[] clear = gradient;
    parallel.forRange(rows, (chunk, from, to) -> {
      normalizeRows(x, from, to);
      if (clear != null) {
        Arrays.fill(clear, from * dim, to * dim, 0f);
      }
    });
  }

  private void normalizeRows(float[] x, int from, int to) {
    KernelPath kernels = Kernels.path();
    for (int r = from; r < to; r++) {
      int base = r * dim;
      double n = Math.max(Math.sqrt(kernels.dot(x, base, x, base, dim)), MIN_NORM);
      norm[r] = n;
      float inverse = (float) (1 / n);
      for (int c = 0; c < dim; c++) {
        unit[base + c] = x[base + c] * inverse;
      }
    }
  }

  /** Adds {@code weight} times the gradient w.r.t. the raw rows into {@code out} (same layout as the input). */
  public void backward(double weight, float[] out) {
    backward(weight, out, Parallel.serial());
  }

  /** As {@link #backward(double, float[])}, the rows split over the threads. */
  public void backward(double weight, float[] out, Parallel parallel) {
    float[] unitGradient = gradient();
    parallel.forRange(rows, (chunk, from, to) -> backwardRows(unitGradient, weight, out, false, from, to));
  }

  /**
   * Overwrites {@code out} with the gradient w.r.t. the raw rows for dF/dx^ = {@code unitGradient} (same layout),
   * with the bits of clearing {@code out} and {@link #backward(double, float[]) adding} into it, in one pass over
   * each row rather than three over the tables.
   */
  public void backwardReplacing(float[] unitGradient, float[] out, Parallel parallel) {
    parallel.forRange(rows, (chunk, from, to) -> backwardRows(unitGradient, 1.0, out, true, from, to));
  }

  private void backwardRows(float[] unitGradient, double weight, float[] out, boolean replace, int from, int to) {
    KernelPath kernels = Kernels.path();
    for (int r = from; r < to; r++) {
      int base = r * dim;
      if (replace) {
        Arrays.fill(out, base, base + dim, 0f);
      }
      float scale = (float) (weight / norm[r]);
      kernels.axpy(scale, unitGradient, base, out, base, dim);
      if (norm[r] > MIN_NORM) {
        float along = kernels.dot(unitGradient, base, unit, base, dim);
        kernels.axpy(-scale * along, unit, base, out, base, dim);
      }
    }
  }

  /** The normalised rows, {@link #rows()} x {@link #dim()} row-major. */
  public float[] unit() {
    return unit;
  }

  /** dF/dx^ for the objective to add into, cleared by {@link #normalize}; same layout as {@link #unit()}. */
  public float[] gradient() {
    if (gradient == null || gradient.length < rows * dim) {
      gradient = new float[Math.max(rows * dim, unit.length)];
    }
    return gradient;
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }
}
