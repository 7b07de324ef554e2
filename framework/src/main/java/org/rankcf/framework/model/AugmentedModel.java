package org.rankcf.framework.model;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.spi.ModelCapability;

/** A model that is another model plus auxiliary objectives of its own (SimGCL is LightGCN plus an InfoNCE). */
public final class AugmentedModel implements Model {
  private final String name;
  private final Model base;
  private final List<AuxiliaryObjective> objectives;

  public AugmentedModel(String name, Model base, List<AuxiliaryObjective> objectives) {
    this.name = name;
    this.base = base;
    this.objectives = List.copyOf(objectives);
  }

  @Override
  public String name() {
    return name;
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

  /** The base model's objectives, then this model's own. */
  @Override
  public List<AuxiliaryObjective> auxiliaryObjectives() {
    return Stream.concat(base.auxiliaryObjectives().stream(), objectives.stream()).toList();
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
