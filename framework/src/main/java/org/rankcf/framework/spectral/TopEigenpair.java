package org.rankcf.framework.spectral;

import java.util.Arrays;

/**
 * The largest eigenvalue of a small dense symmetric matrix and a unit eigenvector, without the full
 * decomposition: Householder reduction to tridiagonal form (4/3 d^3 flops), bisection on Sturm counts for
 * the top eigenvalue, inverse iteration on the tridiagonal matrix, and the reflections applied back to the
 * vector. For d = 64 this costs a fraction of a full eigen-decomposition, which matters when the stable-rank
 * regularizer needs it twice per mini-batch. Deterministic: no random start vector.
 */
final class TopEigenpair {
  private static final int MAX_BISECTIONS = 200;
  private static final int INVERSE_ITERATIONS = 3;
  private static final double SHIFT = 1e-12;
  private static final double GOLDEN = 0.6180339887498949;

  private TopEigenpair() {}

  /** The top eigenpair of the symmetric d x d row-major matrix {@code a} (only its lower triangle is read). */
  static Spectra.Eigenpair of(double[] a, int dim) {
    double[] m = new double[dim * dim];
    boolean zero = true;
    for (int p = 0; p < dim; p++) {
      for (int q = 0; q <= p; q++) {
        m[p * dim + q] = a[p * dim + q];
        m[q * dim + p] = a[p * dim + q];
        zero &= a[p * dim + q] == 0;
      }
    }
    if (zero) {
      double[] first = new double[dim];
      first[0] = 1;
      return new Spectra.Eigenpair(0, first);
    }
    double[] diagonal = new double[dim];
    double[] offDiagonal = new double[Math.max(0, dim - 1)];
    double[] tau = new double[dim];
    double[][] reflectors = new double[dim][];
    tridiagonalize(m, dim, diagonal, offDiagonal, tau, reflectors);
    double upper = topEigenvalueUpperBound(diagonal, offDiagonal);
    double[] vector = inverseIteration(diagonal, offDiagonal, upper);
    for (int k = dim - 3; k >= 0; k--) {
      if (tau[k] != 0) {
        reflect(reflectors[k], tau[k], vector, k + 1);
      }
    }
    normalize(vector);
    return new Spectra.Eigenpair(rayleighQuotient(a, dim, vector), vector);
  }

  /**
   * Reduces the full symmetric {@code m} in place to T = Q^T m Q, Q = H_0 ... H_{d-3}, with
   * H_k = I - tau_k v_k v_k^T acting on indices k + 1 ..; keeps T's diagonals and the reflectors.
   */
  private static void tridiagonalize(double[] m, int dim, double[] diagonal, double[] offDiagonal,
      double[] tau, double[][] reflectors) {
    double[] p = new double[dim];
    for (int k = 0; k + 2 < dim; k++) {
      int length = dim - k - 1;
      double[] v = new double[length];
      double norm2 = 0;
      for (int i = 0; i < length; i++) {
        v[i] = m[(k + 1 + i) * dim + k];
        norm2 += v[i] * v[i];
      }
      double norm = Math.sqrt(norm2);
      double alpha = v[0] > 0 ? -norm : norm;
      v[0] -= alpha;
      double vNorm2 = norm2 - 2 * alpha * (v[0] + alpha) + alpha * alpha;
      offDiagonal[k] = alpha;
      reflectors[k] = v;
      if (!(vNorm2 > 0)) {
        offDiagonal[k] = v[0] + alpha;
        continue;
      }
      double t = 2 / vNorm2;
      tau[k] = t;
      // B <- H B H = B - v w^T - w v^T on the trailing block, p = t B v, w = p - (t v^T p / 2) v
      // B is symmetric, so B v is the sum of B's rows times v's entries: axpy loops that the JIT can
      // vectorise, where row-times-vector dot products are serial reduction chains
      Arrays.fill(p, 0, length, 0);
      for (int i = 0; i < length; i++) {
        double weight = t * v[i];
        int row = (k + 1 + i) * dim + k + 1;
        for (int j = 0; j < length; j++) {
          p[j] += weight * m[row + j];
        }
      }
      double vp = 0;
      for (int i = 0; i < length; i++) {
        vp += v[i] * p[i];
      }
      double half = t * vp / 2;
      for (int i = 0; i < length; i++) {
        p[i] -= half * v[i];
      }
      for (int i = 0; i < length; i++) {
        int row = (k + 1 + i) * dim + k + 1;
        for (int j = 0; j < length; j++) {
          m[row + j] -= v[i] * p[j] + p[i] * v[j];
        }
      }
    }
    for (int k = 0; k < dim; k++) {
      diagonal[k] = m[k * dim + k];
    }
    if (dim >= 2) {
      offDiagonal[dim - 2] = m[(dim - 1) * dim + dim - 2];
    }
  }

  /**
   * A number just above the largest eigenvalue of the tridiagonal matrix: bisection between Gershgorin
   * bounds on the Sturm count (the number of eigenvalues below x), down to a few ulps.
   */
  private static double topEigenvalueUpperBound(double[] diagonal, double[] offDiagonal) {
    int dim = diagonal.length;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    double largestCoupling = 1;
    for (int i = 0; i < dim; i++) {
      double radius = (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0) + (i + 1 < dim ? Math.abs(offDiagonal[i]) : 0);
      low = Math.min(low, diagonal[i] - radius);
      high = Math.max(high, diagonal[i] + radius);
      if (i + 1 < dim) {
        largestCoupling = Math.max(largestCoupling, offDiagonal[i] * offDiagonal[i]);
      }
    }
    double pivotFloor = Double.MIN_NORMAL * largestCoupling;
    double scale = Math.max(Math.abs(low), Math.abs(high));
    for (int step = 0; step < MAX_BISECTIONS && high - low > 2 * Math.ulp(scale); step++) {
      double middle = 0.5 * (low + high);
      if (middle <= low || middle >= high) {
        break;
      }
      if (countBelow(diagonal, offDiagonal, middle, pivotFloor) == dim) {
        high = middle;
      } else {
        low = middle;
      }
    }
    // a relative margin keeps sigma I - T safely positive definite: solves grow by at most 1e12 per step
    return high + scale * SHIFT;
  }

  /** Sturm count: the number of negative pivots of the LDL^T factorisation of T - x I. */
  private static int countBelow(double[] diagonal, double[] offDiagonal, double x, double pivotFloor) {
    int count = 0;
    double pivot = 1;
    for (int i = 0; i < diagonal.length; i++) {
      double coupling = i > 0 ? offDiagonal[i - 1] * offDiagonal[i - 1] / pivot : 0;
      pivot = diagonal[i] - x - coupling;
      if (Math.abs(pivot) < pivotFloor) {
        pivot = -pivotFloor;
      }
      if (pivot < 0) {
        count++;
      }
    }
    return count;
  }

  /**
   * Inverse iteration with sigma I - T, sigma above every eigenvalue: the matrix is positive definite, so its
   * LDL^T factorisation needs no pivoting, and each solve multiplies the top eigenvector's component by
   * 1 / (sigma - lambda_1), the largest factor.
   */
  private static double[] inverseIteration(double[] diagonal, double[] offDiagonal, double sigma) {
    int dim = diagonal.length;
    double[] pivots = new double[dim];
    double[] multipliers = new double[dim];
    for (int i = 0; i < dim; i++) {
      double d = sigma - diagonal[i];
      if (i > 0) {
        multipliers[i] = -offDiagonal[i - 1] / pivots[i - 1];
        d -= multipliers[i] * multipliers[i] * pivots[i - 1];
      }
      pivots[i] = Math.max(d, Double.MIN_NORMAL);
    }
    double[] y = new double[dim];
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
      normalize(y);
    }
    return y;
  }

  /** y[offset ..] -= tau v (v^T y[offset ..]). */
  private static void reflect(double[] v, double tau, double[] y, int offset) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * y[offset + i];
    }
    s *= tau;
    for (int i = 0; i < v.length; i++) {
      y[offset + i] -= s * v[i];
    }
  }

  private static void normalize(double[] y) {
    double norm2 = 0;
    for (double value : y) {
      norm2 += value * value;
    }
    double inverse = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
    for (int i = 0; i < y.length; i++) {
      y[i] *= inverse;
    }
  }

  private static double rayleighQuotient(double[] a, int dim, double[] v) {
    double sum = 0;
    for (int p = 0; p < dim; p++) {
      double s = 0;
      for (int q = 0; q < dim; q++) {
        s += a[Math.max(p, q) * dim + Math.min(p, q)] * v[q];
      }
      sum += v[p] * s;
    }
    return sum;
  }
}
