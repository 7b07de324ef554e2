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

  /**
   * A double-precision copy of an objective's value as a function of the rows it reads (the batch's unique
   * user and item rows, or the full tables), for gradient checks where float rounding of the value would
   * swamp small partial derivatives.
   */
  @FunctionalInterface
  public interface ReferenceValue {
    double value(double[] users, double[] items);
  }

  /**
   * Asserts that the objective's value matches {@code reference} at the batch (relative 1e-5) and that
   * every analytic partial derivative matches central differences of the reference in double.
   */
  public static void assertGradientMatches(
      Objective objective, Batch batch, ReferenceValue reference, double h, double tolerance) {
    clear(batch);
    double value = objective.valueAndGradient(batch, 1.0);
    double[] users = toDouble(batch.users(), batch.numUniqueUsers() * batch.dim());
    double[] items = toDouble(batch.items(), batch.numUniqueItems() * batch.dim());
    compareReference(value, reference, users, items, batch.userGrad(), batch.itemGrad(), h, tolerance);
  }

  /** As {@link #assertGradientMatches(Objective, Batch, ReferenceValue, double, double)} on the full tables. */
  public static void assertTableGradientMatches(
      Objective objective, Batch batch, ReferenceValue reference, double h, double tolerance) {
    clear(batch);
    double value = objective.valueAndGradient(batch, 1.0);
    double[] users = toDouble(batch.userTable().data(), batch.userTable().data().length);
    double[] items = toDouble(batch.itemTable().data(), batch.itemTable().data().length);
    compareReference(value, reference, users, items, batch.userTableGrad(), batch.itemTableGrad(), h, tolerance);
  }

  private static void compareReference(double value, ReferenceValue reference, double[] users, double[] items,
      float[] userGrad, float[] itemGrad, double h, double tolerance) {
    double expected = reference.value(users, items);
    assertThat(Math.abs(value - expected)).as("objective value %s vs reference %s", value, expected)
        .isLessThanOrEqualTo(1e-5 * Math.max(1, Math.abs(expected)));
    double worst = 0;
    String where = "";
    for (int side = 0; side < 2; side++) {
      double[] x = side == 0 ? users : items;
      float[] analytic = side == 0 ? userGrad : itemGrad;
      for (int t = 0; t < x.length; t++) {
        double saved = x[t];
        x[t] = saved + h;
        double plus = reference.value(users, items);
        x[t] = saved - h;
        double minus = reference.value(users, items);
        x[t] = saved;
        double numeric = (plus - minus) / (2 * h);
        double error = relativeError(numeric, analytic[t]);
        if (error > worst) {
          worst = error;
          where = (side == 0 ? "user" : "item") + "[" + t + "]: analytic " + analytic[t] + " numeric " + numeric;
        }
      }
    }
    assertThat(worst).as("worst relative gradient error at %s", where).isLessThan(tolerance);
  }

  private static double relativeError(double numeric, double analytic) {
    return Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
  }

  private static double[] toDouble(float[] x, int length) {
    double[] out = new double[length];
    for (int t = 0; t < length; t++) {
      out[t] = x[t];
    }
    return out;
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
      double error = relativeError(numeric, analytic[t]);
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
