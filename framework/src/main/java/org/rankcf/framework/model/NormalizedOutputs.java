package org.rankcf.framework.model;

import java.util.List;
import java.util.Set;
import org.rankcf.framework.objective.UnitRows;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;
import org.rankcf.framework.util.Parallel;

/**
 * Another model with its final tables row-normalised inside the forward pass, x^ = x / max(||x||, 1e-12)
 * (IR-Benchmark's {@code --norm}, LOSSES.md §B1): every dot product of the outputs is a cosine, in training
 * and in evaluation, and the gradient flows back through the normalisation ({@link UnitRows}) before the
 * base model's own backward pass. The parameters, and so the optimiser and the checkpoints, are the base
 * model's. Both passes cover every row of both tables at every step, so they run row by row over the run's
 * threads (the same bits for any thread count), the outputs are the normalisation's own unit rows and the
 * backward pass writes the base gradients in one pass over each row.
 */
public final class NormalizedOutputs extends ForwardingModel {
  private final EmbeddingTable users;
  private final EmbeddingTable items;
  private final UnitRows userRows;
  private final UnitRows itemRows;
  /** Gradients w.r.t. the base model's final tables. */
  private final float[] baseUserGrad;
  private final float[] baseItemGrad;
  private final Parallel parallel;

  public NormalizedOutputs(Model base) {
    this(base, Parallel.serial());
  }

  public NormalizedOutputs(Model base, Parallel parallel) {
    super(base);
    this.parallel = parallel;
    this.users = new EmbeddingTable(base.users().rows(), base.dim());
    this.items = new EmbeddingTable(base.items().rows(), base.dim());
    this.userRows = new UnitRows(users.data());
    this.itemRows = new UnitRows(items.data());
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
    userRows.normalize(base.users().data(), base.users().rows(), base.dim(), parallel);
    itemRows.normalize(base.items().data(), base.items().rows(), base.dim(), parallel);
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
    userRows.backwardReplacing(userGrad, baseUserGrad, parallel);
    itemRows.backwardReplacing(itemGrad, baseItemGrad, parallel);
    return base.backward(baseUserGrad, baseItemGrad);
  }
}
