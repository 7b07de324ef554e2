package org.rankcf.framework.model;

import java.util.List;
import java.util.stream.Stream;
import org.rankcf.framework.spi.AuxiliaryObjective;
import org.rankcf.framework.spi.Model;

/** A model that is another model plus auxiliary objectives of its own (SimGCL is LightGCN plus an InfoNCE). */
public final class AugmentedModel extends ForwardingModel {
  private final String name;
  private final List<AuxiliaryObjective> objectives;

  public AugmentedModel(String name, Model base, List<AuxiliaryObjective> objectives) {
    super(base);
    this.name = name;
    this.objectives = List.copyOf(objectives);
  }

  @Override
  public String name() {
    return name;
  }

  /** The base model's objectives, then this model's own. */
  @Override
  public List<AuxiliaryObjective> auxiliaryObjectives() {
    return Stream.concat(base.auxiliaryObjectives().stream(), objectives.stream()).toList();
  }
}
