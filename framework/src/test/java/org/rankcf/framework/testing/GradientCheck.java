package org.rankcf.framework.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.spi.Objective;

/**
 * Central finite-difference check of an objective's gradient w.r.t. every entry of the batch's unique-user
 * and unique-item matrices (and, for objectives that read the whole tables, of those tables).
 */
public final class GradientCheck {
  private GradientCheck() {}

  /** Asserts that every analytic partial derivative matches (f(x+h) - f(x-h)) / 2h to {@code tolerance}. */
  public static void assertGradientMatches(Objective objective, Batch batch, double h, double tolerance) {
    double weight = 1.0;
    clear(batch);
    objective.valueAndGradient(batch, weight);
    float[] userGrad = Arrays.copyOf(batch.userGrad(), batch.numUniqueUsers() * batch.dim());
    float[] itemGrad = Arrays.copyOf(batch.itemGrad(), batch.numUniqueItems() * batch.dim());
    compare(objective, batch, batch.users(), userGrad, h, tolerance, "user");
    compare(objective, batch, batch.items(), itemGrad, h, tolerance, "item");
  }

  /** As {@link #assertGradientMatches} for objectives on the full tables (gradients in the table buffers). */
  public static void assertTableGradientMatches(Objective objective, Batch batch, double h, double tolerance) {
    clear(batch);
    objective.valueAndGradient(batch, 1.0);
    float[] userGrad = batch.userTableGrad().clone();
    float[] itemGrad = batch.itemTableGrad().clone();
    compare(objective, batch, batch.userTable().data(), userGrad, h, tolerance, "user table");
    compare(objective, batch, batch.itemTable().data(), itemGrad, h, tolerance, "item table");
  }

  private static void compare(
      Objective objective, Batch batch, float[] x, float[] analytic, double h, double tolerance, String what) {
    double worst = 0;
    String where = "";
    for (int t = 0; t < analytic.length; t++) {
      float saved = x[t];
      x[t] = (float) (saved + h);
      double plus = value(objective, batch);
      x[t] = (float) (saved - h);
      double minus = value(objective, batch);
      x[t] = saved;
      double numeric = (plus - minus) / (2 * h);
      double error = Math.abs(numeric - analytic[t]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[t]));
      if (error > worst) {
        worst = error;
        where = what + "[" + t + "]: analytic " + analytic[t] + " numeric " + numeric;
      }
    }
    assertThat(worst).as("worst relative gradient error at %s", where).isLessThan(tolerance);
  }

  private static double value(Objective objective, Batch batch) {
    clear(batch);
    return objective.valueAndGradient(batch, 1.0);
  }

  private static void clear(Batch batch) {
    Arrays.fill(batch.userGrad(), 0f);
    Arrays.fill(batch.itemGrad(), 0f);
    if (batch.userTableGrad() != null) {
      Arrays.fill(batch.userTableGrad(), 0f);
      Arrays.fill(batch.itemTableGrad(), 0f);
    }
  }
}
