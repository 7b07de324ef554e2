package org.rankcf.losses;

import java.util.List;
import java.util.SplittableRandom;
import org.rankcf.framework.model.EmbeddingTable;

/**
 * GuidedRec's surrogate f_φ of a row's DCG (LOSSES.md §L8.2), over X, the M x 2 matrix of (probability,
 * label) with the positive first. With W = 2M and every layer y = tanh(A x + c):
 *
 * <pre>
 *   dense       = tanh(W2 tanh(W1 vec(X)))                       W -> W -> W
 *   Z_m         = tanh(Wz X_m)          (each of the M rows)     2 -> W
 *   interaction = tanh(Wi s),  s_j = mean_i Z_i . Z_j           M -> W
 *   f           = tanh(wo tanh(Wa (dense ⊙ interaction)))        W -> 8 -> 1
 * </pre>
 *
 * Weights and biases start as PyTorch's Linear does, U(-1/sqrt(fan in), 1/sqrt(fan in)). Rows are evaluated
 * in double; an {@link Activations} holds one row's forward values for its backward pass, so rows may run on
 * several threads, each with its own.
 */
final class SurrogateNetwork {
  static final int HIDDEN = 8;

  private final int m;
  private final int width;
  /** W1, b1, W2, b2, Wz, bz, Wi, bi, Wa, ba, wo, bo; weights are out x in, row-major. */
  private final List<EmbeddingTable> tables;

  SurrogateNetwork(int m, SplittableRandom random) {
    this.m = m;
    this.width = 2 * m;
    int[][] shapes = {{width, width}, {width, width}, {width, 2}, {width, m}, {HIDDEN, width}, {1, HIDDEN}};
    EmbeddingTable[] all = new EmbeddingTable[2 * shapes.length];
    for (int layer = 0; layer < shapes.length; layer++) {
      int out = shapes[layer][0];
      int in = shapes[layer][1];
      all[2 * layer] = uniform(out, in, in, random);
      all[2 * layer + 1] = uniform(1, out, in, random);
    }
    this.tables = List.of(all);
  }

  private static EmbeddingTable uniform(int rows, int columns, int fanIn, SplittableRandom random) {
    EmbeddingTable table = new EmbeddingTable(rows, columns);
    double bound = 1 / Math.sqrt(fanIn);
    for (int t = 0; t < table.data().length; t++) {
      table.data()[t] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return table;
  }

  /** The parameter tables, in the order of the class comment. */
  List<EmbeddingTable> tables() {
    return tables;
  }

  /** Rows of X (the items of a training row). */
  int items() {
    return m;
  }

  /** One row's forward values. */
  final class Activations {
    final double[] x = new double[width];
    final double[] h1 = new double[width];
    final double[] dense = new double[width];
    final double[] z = new double[m * width];
    final double[] zSum = new double[width];
    final double[] s = new double[m];
    final double[] interaction = new double[width];
    final double[] product = new double[width];
    final double[] hidden = new double[HIDDEN];
    double f;
  }

  Activations activations() {
    return new Activations();
  }

  /** f(X) for probabilities {@code p[offset .. offset + M)}, the first the positive's (label 1, the rest 0). */
  double forward(double[] p, int offset, Activations a) {
    for (int i = 0; i < m; i++) {
      a.x[2 * i] = p[offset + i];
      a.x[2 * i + 1] = i == 0 ? 1 : 0;
    }
    layer(0, a.x, a.h1);
    layer(1, a.h1, a.dense);
    double[] row = new double[2];
    double[] zi = new double[width];
    java.util.Arrays.fill(a.zSum, 0);
    for (int i = 0; i < m; i++) {
      row[0] = a.x[2 * i];
      row[1] = a.x[2 * i + 1];
      layer(2, row, zi);
      System.arraycopy(zi, 0, a.z, i * width, width);
      for (int c = 0; c < width; c++) {
        a.zSum[c] += zi[c];
      }
    }
    for (int j = 0; j < m; j++) {
      double dot = 0;
      for (int c = 0; c < width; c++) {
        dot += a.zSum[c] * a.z[j * width + c];
      }
      a.s[j] = dot / m;
    }
    layer(3, a.s, a.interaction);
    for (int c = 0; c < width; c++) {
      a.product[c] = a.dense[c] * a.interaction[c];
    }
    layer(4, a.product, a.hidden);
    double[] out = new double[1];
    layer(5, a.hidden, out);
    a.f = out[0];
    return a.f;
  }

  /**
   * Back-propagates {@code upstream} = d loss / d f of the row in {@code a}: adds d loss / d p_i into
   * {@code gradP[offset + i]} and, when {@code parameterGrads} is not null, d loss / d φ into it (one array
   * per table).
   */
  void backward(Activations a, double upstream, double[] gradP, int offset, double[][] parameterGrads) {
    double[] gHidden = new double[HIDDEN];
    layerBack(5, a.hidden, new double[] {a.f}, new double[] {upstream}, gHidden, parameterGrads);
    double[] gProduct = new double[width];
    layerBack(4, a.product, a.hidden, gHidden, gProduct, parameterGrads);
    double[] gDense = new double[width];
    double[] gInteraction = new double[width];
    for (int c = 0; c < width; c++) {
      gDense[c] = gProduct[c] * a.interaction[c];
      gInteraction[c] = gProduct[c] * a.dense[c];
    }
    double[] gS = new double[m];
    layerBack(3, a.s, a.interaction, gInteraction, gS, parameterGrads);
    // s_j = zSum . Z_j / M: Z_i gets gS_i zSum / M directly and sum_j gS_j Z_j / M through zSum
    double[] through = new double[width];
    for (int j = 0; j < m; j++) {
      for (int c = 0; c < width; c++) {
        through[c] += gS[j] * a.z[j * width + c] / m;
      }
    }
    double[] gX = new double[width];
    double[] row = new double[2];
    double[] zi = new double[width];
    double[] gZi = new double[width];
    double[] gRow = new double[2];
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < width; c++) {
        zi[c] = a.z[i * width + c];
        gZi[c] = gS[i] * a.zSum[c] / m + through[c];
      }
      row[0] = a.x[2 * i];
      row[1] = a.x[2 * i + 1];
      gRow[0] = 0;
      gRow[1] = 0;
      layerBack(2, row, zi, gZi, gRow, parameterGrads);
      gX[2 * i] += gRow[0];
    }
    double[] gH1 = new double[width];
    layerBack(1, a.h1, a.dense, gDense, gH1, parameterGrads);
    layerBack(0, a.x, a.h1, gH1, gX, parameterGrads);
    for (int i = 0; i < m; i++) {
      gradP[offset + i] += gX[2 * i];
    }
  }

  /** out = tanh(A in + c) for layer {@code layer}. */
  private void layer(int layer, double[] in, double[] out) {
    float[] weights = tables.get(2 * layer).data();
    float[] bias = tables.get(2 * layer + 1).data();
    int inDim = tables.get(2 * layer).dim();
    for (int o = 0; o < bias.length; o++) {
      double sum = bias[o];
      for (int i = 0; i < inDim; i++) {
        sum += weights[o * inDim + i] * in[i];
      }
      out[o] = Math.tanh(sum);
    }
  }

  /** Given d loss / d out of out = tanh(A in + c), adds d loss / d in into {@code gIn} and d loss / d (A, c). */
  private void layerBack(int layer, double[] in, double[] out, double[] gOut, double[] gIn, double[][] parameterGrads) {
    float[] weights = tables.get(2 * layer).data();
    int inDim = tables.get(2 * layer).dim();
    for (int o = 0; o < out.length; o++) {
      double pre = gOut[o] * (1 - out[o] * out[o]);
      if (parameterGrads != null) {
        parameterGrads[2 * layer + 1][o] += pre;
        for (int i = 0; i < inDim; i++) {
          parameterGrads[2 * layer][o * inDim + i] += pre * in[i];
        }
      }
      for (int i = 0; i < inDim; i++) {
        gIn[i] += weights[o * inDim + i] * pre;
      }
    }
  }
}
