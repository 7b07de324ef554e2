package org.rankcf.framework.optim;

/**
 * Gradient rows not yet added into a table's gradient: row r of the table also gets
 * {@code rows[slotOfRow[r] * dim ..]} when {@code slotOfRow[r] >= 0} (a batch's gathered rows).
 */
public record PendingRows(int[] slotOfRow, float[] rows) {}
