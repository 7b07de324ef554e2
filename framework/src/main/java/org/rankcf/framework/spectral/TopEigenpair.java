package org.rankcf.framework.spectral;

import java.util.Arrays;
import org.rankcf.framework.kernels.HouseholderRows;
import org.rankcf.framework.kernels.Kernels;

/**
 * The largest eigenvalue of a small dense symmetric matrix and a unit eigenvector, without the full
 * decomposition: Householder reduction to tridiagonal form (4/3 d^3 flops), multisection on Sturm counts
 * for the top eigenvalue, inverse iteration on the tridiagonal matrix, and the reflections applied back to the
 * vector. For d = 64 this costs a fraction of a full eigen-decomposition, which matters when the stable-rank
 * regularizer needs it twice per mini-batch. Deterministic: no random start vector, every sum in a fixed
 * order. Thread-safe: each thread has its own work buffers.
 */
final class TopEigenpair {
  private static final int MAX_SWEEPS = 200;
  private static final int INVERSE_ITERATIONS = 3;
  private static final double SHIFT = 1e-12;
  private static final double GOLDEN = 0.6180339887498949;
  private static final int ROWS = HouseholderRows.ROWS;
  private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

  private TopEigenpair() {}

  /** The top eigenpair of the symmetric d x d row-major matrix {@code a} (only its lower triangle is read). */
  static Spectra.Eigenpair of(double[] a, int dim) {
    return of(a, dim, Kernels.path().householderRows());
  }

  /** {@link #of(double[], int)} with the given tridiagonalisation kernel (tests compare the paths). */
  static Spectra.Eigenpair of(double[] a, int dim, HouseholderRows kernel) {
    Workspace work = WORKSPACES.get().fit(dim);
    double[] m = work.matrix;
    boolean zero = true;
    for (int i = 0; i < dim; i++) {
      System.arraycopy(a, i * dim, m, i * dim, i + 1);
      for (int j = i * dim; j <= i * dim + i; j++) {
        zero &= a[j] == 0;
      }
      // the upper half of the diagonal block, which the kernel expects (see HouseholderRows); the kernel
      // keeps it up to date, and a block the kernel gets in one pass it got in every earlier pass
      for (int c = i + 1; c < Math.min(dim, (i / ROWS + 1) * ROWS); c++) {
        m[i * dim + c] = a[c * dim + i];
      }
    }
    double[] vector = new double[dim];
    if (zero) {
      vector[0] = 1;
      return new Spectra.Eigenpair(0, vector);
    }
    tridiagonalize(m, dim, work, kernel);
    double sigma = topEigenvalueUpperBound(work, dim);
    inverseIteration(work, dim, sigma, vector);
    for (int k = 2; k < dim; k++) {
      if (work.tau[k] != 0) {
        reflect(m, k * dim, k, work.tau[k], vector);
      }
    }
    normalize(vector, dim);
    return new Spectra.Eigenpair(rayleighQuotient(a, dim, vector), vector);
  }

  /**
   * Reduces {@code m} in place to T = Q^T m Q, Q = H_{d-1} ... H_2, from the bottom row up: H_k = I - tau_k
   * v_k v_k^T acts on indices 0 .. k-1 and zeroes row k left of the subdiagonal; v_k is left in row k.
   * Working from the bottom keeps each row's live part a prefix, read as stored, and only the lower
   * triangle (plus the diagonal blocks' upper halves) is ever touched: half the work of a full-matrix
   * update.
   *
   * <p>Step k turns the leading k x k block B into H B H = B - v w^T - w v^T with p = tau B v and
   * w = p - (tau v^T p / 2) v. The next step's p needs the updated block, so each pass over B applies one
   * step's update and, while the rows are in registers, adds their share of the next step's product.
   */
  private static void tridiagonalize(double[] m, int dim, Workspace work, HouseholderRows kernel) {
    double[] v = work.v;
    double[] w = work.w;
    double[] u = work.u;
    double[] p = work.p;
    // before the first step there is no update to apply: v = w = 0 leaves the rows unchanged
    Arrays.fill(v, 0, dim, 0);
    Arrays.fill(w, 0, dim, 0);
    for (int n = dim; n >= 3; n--) {
      // the leading n x n block still owes the previous step's update; its last row first, as it gives
      // this step's reflector u
      int last = (n - 1) * dim;
      update(m, last, n, v, w, n - 1);
      double tau = reflector(m, last, n - 1, u, work.offDiagonal);
      work.tau[n - 1] = tau;
      Arrays.fill(p, 0, n - 1, 0);
      int blocked = (n - 1) - (n - 1) % ROWS;
      for (int i0 = 0; i0 < blocked; i0 += ROWS) {
        kernel.updateAndMultiply(m, dim, i0, v, w, u, tau, p, work.scratch);
      }
      // the rows past the last whole block (its last rows are finished): one by one, lower triangle only
      for (int i = blocked; i + 1 < n; i++) {
        updateAndMultiplyRow(m, i * dim, i, v, w, u, tau, p);
      }
      double half = tau * dot(u, 0, p, 0, n - 1) / 2;
      for (int i = 0; i + 1 < n; i++) {
        w[i] = p[i] - half * u[i];
      }
      double[] swap = v;
      v = u;
      u = swap;
    }
    // the last reflection's update reaches the two top rows only
    for (int i = 0; i < Math.min(dim, 2); i++) {
      update(m, i * dim, i + 1, v, w, i);
    }
    for (int i = 0; i < dim; i++) {
      work.diagonal[i] = m[i * dim + i];
    }
    if (dim >= 2) {
      work.offDiagonal[0] = m[dim];
    }
  }

  /**
   * The reflector of x = m[row .. row + length): copies into u the vector v with H x = alpha e_last,
   * H = I - tau v v^T, stores v's changed last entry back into the row (which then holds v for the
   * back-transformation), sets offDiagonal[length - 1] = alpha and returns tau (0 when x is zero: no
   * reflection, x's last entry is the off-diagonal).
   */
  private static double reflector(double[] m, int row, int length, double[] u, double[] offDiagonal) {
    System.arraycopy(m, row, u, 0, length);
    double norm2 = dot(u, 0, u, 0, length);
    double pivot = u[length - 1];
    double norm = Math.sqrt(norm2);
    // alpha of the sign opposite to the pivot's, so that pivot - alpha does not cancel
    double alpha = pivot > 0 ? -norm : norm;
    double vNorm2 = 2 * (norm2 + norm * Math.abs(pivot));
    if (!(vNorm2 > 0)) {
      offDiagonal[length - 1] = pivot;
      return 0;
    }
    u[length - 1] = pivot - alpha;
    m[row + length - 1] = u[length - 1];
    offDiagonal[length - 1] = alpha;
    return 2 / vNorm2;
  }

  /** Row i's first n entries (at {@code row}) of B - v w^T - w v^T. */
  private static void update(double[] m, int row, int n, double[] v, double[] w, int i) {
    double vi = v[i];
    double wi = w[i];
    for (int j = 0; j < n; j++) {
      m[row + j] -= vi * w[j] + wi * v[j];
    }
  }

  /**
   * {@link #update} of row i's lower-triangle entries and, in the same loop, their share of p = tau B u:
   * each entry left of the diagonal also stands for its mirror. Four partial sums, as in {@link #dot}.
   */
  private static void updateAndMultiplyRow(double[] m, int row, int i, double[] v, double[] w, double[] u,
      double tau, double[] p) {
    double vi = v[i];
    double wi = w[i];
    double weight = tau * u[i];
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 4 <= i; j += 4) {
      double b0 = m[row + j] - (vi * w[j] + wi * v[j]);
      double b1 = m[row + j + 1] - (vi * w[j + 1] + wi * v[j + 1]);
      double b2 = m[row + j + 2] - (vi * w[j + 2] + wi * v[j + 2]);
      double b3 = m[row + j + 3] - (vi * w[j + 3] + wi * v[j + 3]);
      m[row + j] = b0;
      m[row + j + 1] = b1;
      m[row + j + 2] = b2;
      m[row + j + 3] = b3;
      p[j] += weight * b0;
      p[j + 1] += weight * b1;
      p[j + 2] += weight * b2;
      p[j + 3] += weight * b3;
      s0 += b0 * u[j];
      s1 += b1 * u[j + 1];
      s2 += b2 * u[j + 2];
      s3 += b3 * u[j + 3];
    }
    for (; j < i; j++) {
      double b = m[row + j] - (vi * w[j] + wi * v[j]);
      m[row + j] = b;
      p[j] += weight * b;
      s0 += b * u[j];
    }
    double diagonal = m[row + i] - (vi * w[i] + wi * v[i]);
    m[row + i] = diagonal;
    p[i] += weight * diagonal + tau * ((s0 + s1) + (s2 + s3));
  }

  /**
   * A number just above the largest eigenvalue of the tridiagonal matrix: multisection between Gershgorin
   * bounds on Sturm counts (the number of eigenvalues below x), down to a few ulps. Each sweep counts at
   * three points, whose division chains are independent and overlap in the CPU, so it quarters the interval
   * in about the time one bisection step halves it.
   */
  private static double topEigenvalueUpperBound(Workspace work, int dim) {
    double[] diagonal = work.diagonal;
    double[] offDiagonal = work.offDiagonal;
    double[] couplings = work.couplings;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    double largestCoupling = 1;
    for (int i = 0; i < dim; i++) {
      double radius = (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0) + (i + 1 < dim ? Math.abs(offDiagonal[i]) : 0);
      low = Math.min(low, diagonal[i] - radius);
      high = Math.max(high, diagonal[i] + radius);
      if (i + 1 < dim) {
        couplings[i] = offDiagonal[i] * offDiagonal[i];
        largestCoupling = Math.max(largestCoupling, couplings[i]);
      }
    }
    double pivotFloor = Double.MIN_NORMAL * largestCoupling;
    double scale = Math.max(Math.abs(low), Math.abs(high));
    int[] below = work.counts;
    for (int sweep = 0; sweep < MAX_SWEEPS && high - low > 2 * Math.ulp(scale); sweep++) {
      double width = high - low;
      double quarter = width / 4;
      double x1 = low + quarter;
      double x2 = low + 2 * quarter;
      double x3 = high - quarter;
      countBelow(diagonal, couplings, dim, x1, x2, x3, pivotFloor, below);
      // every x with all eigenvalues below it bounds the top one from above, every other x from below
      if (below[0] == dim) {
        high = x1;
      } else if (below[1] == dim) {
        low = x1;
        high = x2;
      } else if (below[2] == dim) {
        low = x2;
        high = x3;
      } else {
        low = x3;
      }
      if (!(high - low < width)) {
        break;
      }
    }
    // a relative margin keeps sigma I - T safely positive definite: solves grow by at most 1e12 per step
    return high + scale * SHIFT;
  }

  /**
   * Sturm counts at x1, x2, x3 into below[0..2]: the numbers of negative pivots of the LDL^T factorisations
   * of T - x I.
   */
  private static void countBelow(double[] diagonal, double[] couplings, int dim, double x1, double x2, double x3,
      double pivotFloor, int[] below) {
    int count1 = 0;
    int count2 = 0;
    int count3 = 0;
    double pivot1 = 1;
    double pivot2 = 1;
    double pivot3 = 1;
    for (int i = 0; i < dim; i++) {
      double coupling = i > 0 ? couplings[i - 1] : 0;
      pivot1 = guard(diagonal[i] - x1 - coupling / pivot1, pivotFloor);
      pivot2 = guard(diagonal[i] - x2 - coupling / pivot2, pivotFloor);
      pivot3 = guard(diagonal[i] - x3 - coupling / pivot3, pivotFloor);
      count1 += pivot1 < 0 ? 1 : 0;
      count2 += pivot2 < 0 ? 1 : 0;
      count3 += pivot3 < 0 ? 1 : 0;
    }
    below[0] = count1;
    below[1] = count2;
    below[2] = count3;
  }

  /** A pivot too small to divide by becomes a tiny negative one (x is taken as just above the eigenvalue). */
  private static double guard(double pivot, double pivotFloor) {
    return Math.abs(pivot) < pivotFloor ? -pivotFloor : pivot;
  }

  /**
   * Inverse iteration with sigma I - T into y, sigma above every eigenvalue: the matrix is positive
   * definite, so its LDL^T factorisation needs no pivoting, and each solve multiplies the top eigenvector's
   * component by 1 / (sigma - lambda_1), the largest factor.
   */
  private static void inverseIteration(Workspace work, int dim, double sigma, double[] y) {
    double[] diagonal = work.diagonal;
    double[] offDiagonal = work.offDiagonal;
    double[] pivots = work.pivots;
    double[] multipliers = work.multipliers;
    for (int i = 0; i < dim; i++) {
      double d = sigma - diagonal[i];
      if (i > 0) {
        multipliers[i] = -offDiagonal[i - 1] / pivots[i - 1];
        d -= multipliers[i] * multipliers[i] * pivots[i - 1];
      }
      pivots[i] = Math.max(d, Double.MIN_NORMAL);
    }
    for (int i = 0; i < dim; i++) {
      // a fixed start with no symmetry, so it is not orthogonal to the wanted vector in structured cases
      y[i] = 1 + (i * GOLDEN) % 1;
    }
    for (int iteration = 0; iteration < INVERSE_ITERATIONS; iteration++) {
      for (int i = 1; i < dim; i++) {
        y[i] -= multipliers[i] * y[i - 1];
      }
      for (int i = 0; i < dim; i++) {
        y[i] /= pivots[i];
      }
      for (int i = dim - 2; i >= 0; i--) {
        y[i] -= multipliers[i + 1] * y[i + 1];
      }
      normalize(y, dim);
    }
  }

  /** y[0 .. length) -= tau v (v^T y) with v = m[row .. row + length). */
  private static void reflect(double[] m, int row, int length, double tau, double[] y) {
    double s = tau * dot(m, row, y, 0, length);
    for (int i = 0; i < length; i++) {
      y[i] -= s * m[row + i];
    }
  }

  private static void normalize(double[] y, int dim) {
    double norm2 = dot(y, 0, y, 0, dim);
    double inverse = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
    for (int i = 0; i < dim; i++) {
      y[i] *= inverse;
    }
  }

  /** v^T a v from a's lower triangle: each entry left of the diagonal stands for itself and its mirror. */
  private static double rayleighQuotient(double[] a, int dim, double[] v) {
    double sum = 0;
    for (int p = 0; p < dim; p++) {
      sum += v[p] * (a[p * dim + p] * v[p] + 2 * dot(a, p * dim, v, 0, p));
    }
    return sum;
  }

  /**
   * The dot product of a[aOff ..] and b[bOff ..] over n entries in four interleaved partial sums: a fixed
   * order, and four independent addition chains instead of one whose latency bounds the loop.
   */
  private static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      s0 += a[aOff + j] * b[bOff + j];
      s1 += a[aOff + j + 1] * b[bOff + j + 1];
      s2 += a[aOff + j + 2] * b[bOff + j + 2];
      s3 += a[aOff + j + 3] * b[bOff + j + 3];
    }
    for (; j < n; j++) {
      s0 += a[aOff + j] * b[bOff + j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** One thread's buffers, grown to the largest dimension seen. */
  private static final class Workspace {
    private final double[] scratch = new double[HouseholderRows.SCRATCH_LENGTH];
    private final int[] counts = new int[3];
    private int capacity = -1;
    private double[] matrix;
    private double[] v;
    private double[] w;
    private double[] u;
    private double[] p;
    private double[] tau;
    private double[] diagonal;
    private double[] offDiagonal;
    private double[] couplings;
    private double[] pivots;
    private double[] multipliers;

    Workspace fit(int dim) {
      if (dim > capacity) {
        capacity = dim;
        matrix = new double[dim * dim];
        v = new double[dim];
        w = new double[dim];
        u = new double[dim];
        p = new double[dim];
        tau = new double[dim];
        diagonal = new double[dim];
        offDiagonal = new double[dim];
        couplings = new double[dim];
        pivots = new double[dim];
        multipliers = new double[dim];
      }
      return this;
    }
  }
}
