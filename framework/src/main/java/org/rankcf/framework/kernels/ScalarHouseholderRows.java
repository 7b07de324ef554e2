package org.rankcf.framework.kernels;

/**
 * Plain-Java {@link HouseholderRows}: the four rows go through each column together, so the column's v, w,
 * u and p entries are loaded once for four rows and the four row sums are independent chains.
 */
final class ScalarHouseholderRows implements HouseholderRows {
  static final ScalarHouseholderRows INSTANCE = new ScalarHouseholderRows();

  private ScalarHouseholderRows() {}

  @Override
  public void updateAndMultiply(double[] m, int dim, int i0, double[] v, double[] w, double[] u, double tau,
      double[] p, double[] scratch) {
    int r0 = i0 * dim;
    int r1 = r0 + dim;
    int r2 = r1 + dim;
    int r3 = r2 + dim;
    double v0 = v[i0];
    double v1 = v[i0 + 1];
    double v2 = v[i0 + 2];
    double v3 = v[i0 + 3];
    double w0 = w[i0];
    double w1 = w[i0 + 1];
    double w2 = w[i0 + 2];
    double w3 = w[i0 + 3];
    double t0 = tau * u[i0];
    double t1 = tau * u[i0 + 1];
    double t2 = tau * u[i0 + 2];
    double t3 = tau * u[i0 + 3];
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int j = 0; j < i0 + ROWS; j++) {
      double wj = w[j];
      double vj = v[j];
      double uj = u[j];
      double b0 = m[r0 + j] - (v0 * wj + w0 * vj);
      double b1 = m[r1 + j] - (v1 * wj + w1 * vj);
      double b2 = m[r2 + j] - (v2 * wj + w2 * vj);
      double b3 = m[r3 + j] - (v3 * wj + w3 * vj);
      m[r0 + j] = b0;
      m[r1 + j] = b1;
      m[r2 + j] = b2;
      m[r3 + j] = b3;
      if (j < i0) {
        p[j] += (t0 * b0 + t1 * b1) + (t2 * b2 + t3 * b3);
      }
      s0 += b0 * uj;
      s1 += b1 * uj;
      s2 += b2 * uj;
      s3 += b3 * uj;
    }
    p[i0] += tau * s0;
    p[i0 + 1] += tau * s1;
    p[i0 + 2] += tau * s2;
    p[i0 + 3] += tau * s3;
  }
}
