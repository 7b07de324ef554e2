package org.rankcf.framework.model.example;

import java.util.List;
import java.util.Set;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;

/**
 * MF whose user vector also pools the user's train items (as in SVD++ without biases): the final user
 * row is p_u + (1 / |N(u)|) sum_{i in N(u)} q_i, the final item row is q_i. The parameters are P and Q.
 */
public final class ItemPoolingMf implements Model {
  public static final PluginFactory<Model, NoConfig> FACTORY = PluginFactory.of(NoConfig.class, NoConfig.INSTANCE,
      "MF whose users also pool their train items", (config, context) ->
          new ItemPoolingMf(context.data().train(), context.dim(), context.init(), context.seed()));

  private final Interactions train;
  private final MatrixFactorization parameters;
  private final EmbeddingTable users;
  private final float[] userGrad;
  private final float[] itemGrad;

  public ItemPoolingMf(Interactions train, int dim, Initializer init, long seed) {
    this.train = train;
    this.parameters = new MatrixFactorization(train.numUsers(), train.numItems(), dim, init, seed);
    this.users = new EmbeddingTable(train.numUsers(), dim);
    this.userGrad = new float[train.numUsers() * dim];
    this.itemGrad = new float[train.numItems() * dim];
    forward();
  }

  @Override
  public String name() {
    return "item-pooling-mf";
  }

  @Override
  public int dim() {
    return users.dim();
  }

  @Override
  public List<EmbeddingTable> parameters() {
    return parameters.parameters();
  }

  /** None: the final user table is computed from the parameters, so no lazy row updates. */
  @Override
  public Set<ModelCapability> capabilities() {
    return Set.of();
  }

  @Override
  public EmbeddingTable userParameters() {
    return parameters.users();
  }

  @Override
  public EmbeddingTable itemParameters() {
    return parameters.items();
  }

  @Override
  public void forward() {
    int dim = dim();
    float[] p = parameters.users().data();
    float[] q = parameters.items().data();
    float[] out = users.data();
    for (int u = 0; u < train.numUsers(); u++) {
      float share = 1f / Math.max(1, train.userDegree(u));
      System.arraycopy(p, u * dim, out, u * dim, dim);
      for (int k = train.userPtr()[u]; k < train.userPtr()[u + 1]; k++) {
        int item = train.userItems()[k];
        for (int c = 0; c < dim; c++) {
          out[u * dim + c] += share * q[item * dim + c];
        }
      }
    }
  }

  @Override
  public EmbeddingTable users() {
    return users;
  }

  @Override
  public EmbeddingTable items() {
    return parameters.items();
  }

  /** dL/dp_u = G_u; dL/dq_i = G_i + sum of G_u / |N(u)| over the users u of item i. */
  @Override
  public List<float[]> backward(float[] finalUserGrad, float[] finalItemGrad) {
    int dim = dim();
    System.arraycopy(finalUserGrad, 0, userGrad, 0, userGrad.length);
    System.arraycopy(finalItemGrad, 0, itemGrad, 0, itemGrad.length);
    for (int u = 0; u < train.numUsers(); u++) {
      float share = 1f / Math.max(1, train.userDegree(u));
      for (int k = train.userPtr()[u]; k < train.userPtr()[u + 1]; k++) {
        int item = train.userItems()[k];
        for (int c = 0; c < dim; c++) {
          itemGrad[item * dim + c] += share * finalUserGrad[u * dim + c];
        }
      }
    }
    return List.of(userGrad, itemGrad);
  }
}
