package org.rankcf.losses;

import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.testing.GradientCheck.ReferenceValue;
import org.rankcf.framework.testing.ReferenceMaths;

/**
 * Each loss written again in plain double precision straight from its formula in PROTOCOL.md, as a
 * function of the batch's unique user and item rows: the references of the gradient checks.
 */
final class LossReferences {
  private LossReferences() {}

  static ReferenceValue bpr(Batch batch) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        for (int k = 0; k < batch.negatives(); k++) {
          double margin = score(batch, users, items, b, k + 1) - score(batch, users, items, b, 0);
          sum += Math.log(1 + Math.exp(margin));
        }
      }
      return sum / (batch.size() * batch.negatives());
    };
  }

  static ReferenceValue bce(Batch batch) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        sum -= Math.log(sigmoid(score(batch, users, items, b, 0)));
        for (int k = 0; k < batch.negatives(); k++) {
          sum -= Math.log(sigmoid(-score(batch, users, items, b, k + 1)));
        }
      }
      return sum / batch.size();
    };
  }

  static ReferenceValue sampledSoftmax(Batch batch, double temperature, boolean logq) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        double positive = Math.exp(score(batch, users, items, b, 0) / temperature);
        double all = positive;
        for (int k = 0; k < batch.negatives(); k++) {
          double correction = logq ? batch.negativeLogQ()[b * batch.negatives() + k] : 0;
          all += Math.exp(score(batch, users, items, b, k + 1) / temperature - correction);
        }
        sum -= Math.log(positive / all);
      }
      return sum / batch.size();
    };
  }

  static ReferenceValue inBatchSoftmax(Batch batch, double temperature) {
    int dim = batch.dim();
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        int user = batch.userRow()[b];
        double all = 0;
        for (int c = 0; c < batch.numPositiveItems(); c++) {
          all += Math.exp(dot(users, user, items, c, dim) / temperature);
        }
        sum -= Math.log(Math.exp(dot(users, user, items, batch.positiveRow()[b], dim) / temperature) / all);
      }
      return sum / batch.size();
    };
  }

  static ReferenceValue alignment(Batch batch) {
    int dim = batch.dim();
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        double[] u = ReferenceMaths.unitRow(users, batch.userRow()[b], dim);
        double[] i = ReferenceMaths.unitRow(items, batch.positiveRow()[b], dim);
        for (int c = 0; c < dim; c++) {
          sum += (u[c] - i[c]) * (u[c] - i[c]);
        }
      }
      return sum / batch.size();
    };
  }

  static ReferenceValue directAu(Batch batch, double gamma, double t) {
    int dim = batch.dim();
    ReferenceValue alignment = alignment(batch);
    return (users, items) -> alignment.value(users, items) + gamma * 0.5
        * (ReferenceMaths.uniformity(users, batch.numUniqueUsers(), dim, t)
            + ReferenceMaths.uniformity(items, batch.numPositiveItems(), dim, t));
  }

  static ReferenceValue ccl(Batch batch, double margin, double negativeWeight) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        sum += 1 - cosine(batch, users, items, b, 0);
        for (int k = 0; k < batch.negatives(); k++) {
          sum += negativeWeight / batch.negatives() * Math.max(0, cosine(batch, users, items, b, k + 1) - margin);
        }
      }
      return sum / batch.size();
    };
  }

  /** BSL written from its two-temperature formula: -c_pos / t1 + (t2 / t1) log sum_j exp(c_neg / t2). */
  static ReferenceValue bilateralSoftmax(Batch batch, double temperaturePositive, double temperatureNegative) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        double negatives = 0;
        for (int k = 0; k < batch.negatives(); k++) {
          negatives += Math.exp(cosine(batch, users, items, b, k + 1) / temperatureNegative);
        }
        sum += -cosine(batch, users, items, b, 0) / temperaturePositive
            + temperatureNegative / temperaturePositive * Math.log(negatives);
      }
      return sum / batch.size();
    };
  }

  /** SL: log sum_j exp((c_neg - c_pos) / t), the positive not in the denominator. */
  static ReferenceValue softmax(Batch batch, double temperature) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        double positive = cosine(batch, users, items, b, 0);
        double negatives = 0;
        for (int k = 0; k < batch.negatives(); k++) {
          negatives += Math.exp((cosine(batch, users, items, b, k + 1) - positive) / temperature);
        }
        sum += Math.log(negatives);
      }
      return sum / batch.size();
    };
  }

  /** PSL: log sum_j phi(d_j)^(1 / t), d_j = (c_neg - c_pos) / 2, phi from the activation's name. */
  static ReferenceValue pairwiseSoftmax(Batch batch, String activation, double temperature) {
    return (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        double positive = cosine(batch, users, items, b, 0);
        double negatives = 0;
        for (int k = 0; k < batch.negatives(); k++) {
          double d = (cosine(batch, users, items, b, k + 1) - positive) / 2;
          double phi = switch (activation) {
            case "tanh" -> 1 + Math.tanh(d);
            case "atan" -> 1 + Math.atan(d);
            default -> Math.max(d + 1, 0);
          };
          negatives += Math.pow(phi, 1 / temperature);
        }
        sum += Math.log(negatives);
      }
      return sum / batch.size();
    };
  }

  /** Cosine of pair b's user with its positive (slot 0) or its negative slot - 1. */
  static double cosine(Batch batch, double[] users, double[] items, int b, int slot) {
    int dim = batch.dim();
    double[] u = ReferenceMaths.unitRow(users, batch.userRow()[b], dim);
    double[] i = ReferenceMaths.unitRow(items, itemRow(batch, b, slot), dim);
    return dot(u, 0, i, 0, dim);
  }

  /** Cosine of row ra of a and row rb of b (tables of their own, such as an adversary's). */
  static double rowCosine(double[] a, int ra, double[] b, int rb, int dim) {
    return dot(ReferenceMaths.unitRow(a, ra, dim), 0, ReferenceMaths.unitRow(b, rb, dim), 0, dim);
  }

  /** Dot product of pair b's user with its positive (slot 0) or its negative slot - 1. */
  static double score(Batch batch, double[] users, double[] items, int b, int slot) {
    return dot(users, batch.userRow()[b], items, itemRow(batch, b, slot), batch.dim());
  }

  private static int itemRow(Batch batch, int b, int slot) {
    return slot == 0 ? batch.positiveRow()[b] : batch.negativeRow()[b * batch.negatives() + slot - 1];
  }

  static double dot(double[] a, int ra, double[] b, int rb, int dim) {
    double sum = 0;
    for (int c = 0; c < dim; c++) {
      sum += a[ra * dim + c] * b[rb * dim + c];
    }
    return sum;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      out[t] = x[t];
    }
    return out;
  }
}
