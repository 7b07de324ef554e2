package org.rankcf.framework.batch;

/**
 * A gradient on a batch's gathered rows given as a function of each row, handed to the batch instead of added
 * into its gradient buffer, so that the trainer can apply it where it reads the rows anyway (the optimiser's
 * pass over the tables) rather than in a memory pass of its own. See {@link Batch#deferUserGradient}.
 */
@FunctionalInterface
public interface RowGradient {
  /**
   * Adds the gradient of gathered row {@code slot}, whose current values are {@code row[rowOffset ..
   * rowOffset + dim)}, into {@code grad[gradOffset ..)}. Called concurrently for distinct slots.
   */
  void addTo(int slot, float[] row, int rowOffset, float[] grad, int gradOffset);
}
