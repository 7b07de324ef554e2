package org.rankcf.framework.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link HouseholderRows}: the four rows a vector of columns at a time, with fused multiply-adds
 * (so its last bits differ from the plain-Java path's, and the two copies of an entry in a diagonal block
 * may drift apart by roundings: each stands for itself only, so this is a rounding-sized perturbation).
 * At most 256-bit vectors, whose lane count divides {@link #ROWS}: a block's columns [0, i0 + ROWS) are
 * then whole vectors and there is no tail loop.
 */
final class VectorHouseholderRows implements HouseholderRows {
  static final VectorHouseholderRows INSTANCE = new VectorHouseholderRows();
  private static final VectorSpecies<Double> S =
      DoubleVector.SPECIES_PREFERRED.length() > ROWS ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorHouseholderRows() {}

  @Override
  public void updateAndMultiply(double[] m, int dim, int i0, double[] v, double[] w, double[] u, double tau,
      double[] p, double[] scratch) {
    int r0 = i0 * dim;
    int r1 = r0 + dim;
    int r2 = r1 + dim;
    int r3 = r2 + dim;
    // negated, so that each entry's update is two fused multiply-adds: b = m + (-v_i) w + (-w_i) v
    DoubleVector v0 = DoubleVector.broadcast(S, -v[i0]);
    DoubleVector v1 = DoubleVector.broadcast(S, -v[i0 + 1]);
    DoubleVector v2 = DoubleVector.broadcast(S, -v[i0 + 2]);
    DoubleVector v3 = DoubleVector.broadcast(S, -v[i0 + 3]);
    DoubleVector w0 = DoubleVector.broadcast(S, -w[i0]);
    DoubleVector w1 = DoubleVector.broadcast(S, -w[i0 + 1]);
    DoubleVector w2 = DoubleVector.broadcast(S, -w[i0 + 2]);
    DoubleVector w3 = DoubleVector.broadcast(S, -w[i0 + 3]);
    DoubleVector t0 = DoubleVector.broadcast(S, tau * u[i0]);
    DoubleVector t1 = DoubleVector.broadcast(S, tau * u[i0 + 1]);
    DoubleVector t2 = DoubleVector.broadcast(S, tau * u[i0 + 2]);
    DoubleVector t3 = DoubleVector.broadcast(S, tau * u[i0 + 3]);
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    for (int j = 0; j < i0 + ROWS; j += L) {
      DoubleVector wj = DoubleVector.fromArray(S, w, j);
      DoubleVector vj = DoubleVector.fromArray(S, v, j);
      DoubleVector uj = DoubleVector.fromArray(S, u, j);
      DoubleVector b0 = wj.fma(v0, vj.fma(w0, DoubleVector.fromArray(S, m, r0 + j)));
      DoubleVector b1 = wj.fma(v1, vj.fma(w1, DoubleVector.fromArray(S, m, r1 + j)));
      DoubleVector b2 = wj.fma(v2, vj.fma(w2, DoubleVector.fromArray(S, m, r2 + j)));
      DoubleVector b3 = wj.fma(v3, vj.fma(w3, DoubleVector.fromArray(S, m, r3 + j)));
      b0.intoArray(m, r0 + j);
      b1.intoArray(m, r1 + j);
      b2.intoArray(m, r2 + j);
      b3.intoArray(m, r3 + j);
      if (j < i0) {
        b3.fma(t3, b2.fma(t2, b1.fma(t1, b0.fma(t0, DoubleVector.fromArray(S, p, j))))).intoArray(p, j);
      }
      s0 = b0.fma(uj, s0);
      s1 = b1.fma(uj, s1);
      s2 = b2.fma(uj, s2);
      s3 = b3.fma(uj, s3);
    }
    s0.intoArray(scratch, 0);
    s1.intoArray(scratch, L);
    s2.intoArray(scratch, 2 * L);
    s3.intoArray(scratch, 3 * L);
    addRowSums(scratch, tau, p, i0);
  }

  /**
   * p[i0 + r] += tau * (the sum of row r's lanes), adding the lanes in order: reduceLanes leaves the order
   * of a floating-point sum unspecified, and results must repeat bit for bit. Kept out of the kernel: its
   * vector code nears the JIT's inlining budget, and a vector whose operations are not inlined is boxed.
   */
  private static void addRowSums(double[] lanes, double tau, double[] p, int i0) {
    for (int r = 0; r < ROWS; r++) {
      double sum = 0;
      for (int l = 0; l < L; l++) {
        sum += lanes[r * L + l];
      }
      p[i0 + r] += tau * sum;
    }
  }
}
