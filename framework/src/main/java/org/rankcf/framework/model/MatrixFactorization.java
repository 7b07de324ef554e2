package org.rankcf.framework.model;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;

/** Matrix factorisation: one embedding per user and per item, score = dot product. */
public final class MatrixFactorization implements Model {
  private final EmbeddingTable users;
  private final EmbeddingTable items;

  public MatrixFactorization(int numUsers, int numItems, int dim, Initializer init, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    this.users = new EmbeddingTable(numUsers, dim);
    this.items = new EmbeddingTable(numItems, dim);
    init.fill(users, random.split());
    init.fill(items, random.split());
  }

  @Override
  public String name() {
    return "mf";
  }

  @Override
  public int dim() {
    return users.dim();
  }

  @Override
  public List<EmbeddingTable> parameters() {
    return List.of(users, items);
  }

  @Override
  public Set<ModelCapability> capabilities() {
    return Set.of(ModelCapability.PARAMETERS_ARE_FINAL_TABLES);
  }

  @Override
  public EmbeddingTable userParameters() {
    return users;
  }

  @Override
  public EmbeddingTable itemParameters() {
    return items;
  }

  @Override
  public void forward() {
    // the final tables are the parameters
  }

  @Override
  public EmbeddingTable users() {
    return users;
  }

  @Override
  public EmbeddingTable items() {
    return items;
  }

  @Override
  public List<float[]> backward(float[] userGrad, float[] itemGrad) {
    return List.of(userGrad, itemGrad);
  }
}
