package org.rankcf.framework.spi;

import java.util.Map;

/** Scores a model on the selection (validation) pairs during training. */
public interface Evaluator {
  /** Metrics such as "ndcg@20" of the model's current final tables. */
  Map<String, Double> validate(Model model);
}
