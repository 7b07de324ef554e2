package org.rankcf.framework.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;

/**
 * Another model with its final tables row-normalised inside the forward pass, x^ = x / max(||x||, 1e-12)
 * (IR-Benchmark's {@code --norm}, LOSSES.md §B1): every dot product of the outputs is a cosine, in training
 * and in evaluation, and the gradient flows back through the normalisation ({@link UnitRows}) before the
 * base model's own backward pass. The parameters, and so the optimiser and the checkpoints, are the base
 * model's.
 */
public final class NormalizedOutputs extends ForwardingModel {
  private final UnitRows userRows = new UnitRows();
  private final UnitRows itemRows = new UnitRows();
  private final EmbeddingTable users;
  private final EmbeddingTable items;
  /** Gradients w.r.t. the base model's final tables. */
  private final float[] baseUserGrad;
  private final float[] baseItemGrad;

  public NormalizedOutputs(Model base) {
    super(base);
    this.users = new EmbeddingTable(base.users().rows(), base.dim());
    this.items = new EmbeddingTable(base.items().rows(), base.dim());
    this.baseUserGrad = new float[users.data().length];
    this.baseItemGrad = new float[items.data().length];
    normalize();
  }

  /** None: the final tables are computed from the parameters, so every gradient goes through backward. */
  @Override
  public Set<ModelCapability> capabilities() {
    return Set.of();
  }

  @Override
  public void forward() {
    base.forward();
    normalize();
  }

  private void normalize() {
    normalize(base.users(), userRows, users);
    normalize(base.items(), itemRows, items);
  }

  private static void normalize(EmbeddingTable raw, UnitRows rows, EmbeddingTable out) {
    rows.normalize(raw.data(), raw.rows(), raw.dim());
    System.arraycopy(rows.unit(), 0, out.data(), 0, out.data().length);
  }

  @Override
  public EmbeddingTable users() {
    return users;
  }

  @Override
  public EmbeddingTable items() {
    return items;
  }

  /** The chain rule through the normalisation of the last forward pass, then the base model's backward. */
  @Override
  public List<float[]> backward(float[] userGrad, float[] itemGrad) {
    throughNormalization(userRows, userGrad, baseUserGrad);
    throughNormalization(itemRows, itemGrad, baseItemGrad);
    return base.backward(baseUserGrad, baseItemGrad);
  }

  private static void throughNormalization(UnitRows rows, float[] unitGrad, float[] rawGrad) {
    System.arraycopy(unitGrad, 0, rows.gradient(), 0, unitGrad.length);
    Arrays.fill(rawGrad, 0f);
    rows.backward(1.0, rawGrad);
  }
}
