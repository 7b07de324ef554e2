package org.rankcf.framework.model;

import java.util.List;
import java.util.Set;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;

/** A model that is another model with something changed: every method forwards to the base unless overridden. */
abstract class ForwardingModel implements Model {
  final Model base;

  ForwardingModel(Model base) {
    this.base = base;
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public int dim() {
    return base.dim();
  }

  @Override
  public List<EmbeddingTable> parameters() {
    return base.parameters();
  }

  @Override
  public Set<ModelCapability> capabilities() {
    return base.capabilities();
  }

  @Override
  public EmbeddingTable userParameters() {
    return base.userParameters();
  }

  @Override
  public EmbeddingTable itemParameters() {
    return base.itemParameters();
  }

  @Override
  public List<AuxiliaryObjective> auxiliaryObjectives() {
    return base.auxiliaryObjectives();
  }

  @Override
  public void forward() {
    base.forward();
  }

  @Override
  public EmbeddingTable users() {
    return base.users();
  }

  @Override
  public EmbeddingTable items() {
    return base.items();
  }

  @Override
  public List<float[]> backward(float[] userGrad, float[] itemGrad) {
    return base.backward(userGrad, itemGrad);
  }
}
