package org.rankcf.framework.model;

import java.util.Arrays;

/** A rows x dim matrix of floats, row-major in one flat array. */
public final class EmbeddingTable {
  private final int rows;
  private final int dim;
  private final float[] data;

  public EmbeddingTable(int rows, int dim) {
    this(rows, dim, new float[Math.multiplyExact(rows, dim)]);
  }

  public EmbeddingTable(int rows, int dim, float[] data) {
    if (data.length != (long) rows * dim) {
      throw new IllegalArgumentException("data length " + data.length + " != " + rows + " x " + dim);
    }
    this.rows = rows;
    this.dim = dim;
    this.data = data;
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }

  /** The backing array, row r at offset r * dim. */
  public float[] data() {
    return data;
  }

  public float get(int row, int col) {
    return data[row * dim + col];
  }

  public EmbeddingTable copy() {
    return new EmbeddingTable(rows, dim, Arrays.copyOf(data, data.length));
  }

  public void copyFrom(EmbeddingTable other) {
    if (other.rows != rows || other.dim != dim) {
      throw new IllegalArgumentException("shape mismatch");
    }
    System.arraycopy(other.data, 0, data, 0, data.length);
  }
}
