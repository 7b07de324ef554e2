package org.rankcf.framework.optim;

/** The scalars of one Adam step in the kernel's precision, bias corrections folded in. */
record AdamStep(float beta1, float beta2, float eps, float stepSize, float invSqrtBc2) {
  AdamStep(double beta1, double beta2, double eps, double lr, long step) {
    this((float) beta1, (float) beta2, (float) eps, (float) (lr / (1 - Math.pow(beta1, step))),
        (float) (1 / Math.sqrt(1 - Math.pow(beta2, step))));
  }
}
