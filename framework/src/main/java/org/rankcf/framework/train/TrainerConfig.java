package org.rankcf.framework.train;

import org.rankcf.framework.util.Check;

/**
 * Loop settings of the trainer.
 *
 * @param maxEpochs epoch budget
 * @param batchSize positive pairs per step
 * @param negatives N, negatives per positive (0 when the losses use none)
 * @param patience tune-phase epochs without improvement of the selection metric before stopping
 * @param selectionMetric metric for model selection and early stopping, e.g. "ndcg@20"
 * @param seed seed of all training randomness (shuffles and negatives)
 * @param minEpochs the patience starts counting after this many epochs: from a large random init (the paper's N(0,1))
 *     the selection metric can hover at chance level for several epochs before it starts to climb
 * @param pairs how each epoch picks its positive pairs
 * @param selection the validation cadence, the tie rule and whether early stopping is on
 */
public record TrainerConfig(int maxEpochs, int batchSize, int negatives, int patience, String selectionMetric,
    long seed, int minEpochs, PairSampling pairs, ModelSelection selection) {
  /** Validation after every epoch with early stopping. */
  public TrainerConfig(int maxEpochs, int batchSize, int negatives, int patience, String selectionMetric, long seed,
      int minEpochs, PairSampling pairs) {
    this(maxEpochs, batchSize, negatives, patience, selectionMetric, seed, minEpochs, pairs, ModelSelection.EVERY_EPOCH);
  }

  /** Every train pair once per epoch. */
  public TrainerConfig(
      int maxEpochs, int batchSize, int negatives, int patience, String selectionMetric, long seed, int minEpochs) {
    this(maxEpochs, batchSize, negatives, patience, selectionMetric, seed, minEpochs, PairSampling.ALL);
  }

  public TrainerConfig {
    Check.atLeast("min-epochs", minEpochs, 0);
    Check.atLeast("epochs", maxEpochs, 1);
    Check.atLeast("batch-size", batchSize, 1);
    Check.atLeast("negatives", negatives, 0);
    Check.atLeast("patience", patience, 1);
  }
}
