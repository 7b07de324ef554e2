package org.rankcf.framework.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Model;

/** The trainer's progress between epochs: what a checkpoint must hold besides parameters and optimiser state. */
public final class TrainerState {
  int epoch;
  boolean inWarm = true;
  int switchEpoch = -1;
  int sinceBest;
  int warmSinceBest;
  boolean stopped;
  double bestScore = Double.NEGATIVE_INFINITY;
  double tuneBestScore = Double.NEGATIVE_INFINITY;
  int bestEpoch = -1;
  Map<String, Double> bestValidation = Map.of();
  double elapsedSeconds;
  final List<EpochRecord> records = new ArrayList<>();
  final List<EmbeddingTable> best;

  TrainerState(Model model) {
    best = new ArrayList<>();
    for (EmbeddingTable table : model.parameters()) {
      best.add(table.copy());
    }
  }

  void recordBest(int epoch, double score, Map<String, Double> validation, Model model) {
    bestScore = score;
    bestEpoch = epoch;
    bestValidation = validation;
    for (int t = 0; t < best.size(); t++) {
      best.get(t).copyFrom(model.parameters().get(t));
    }
  }

  void restoreBest(Model model) {
    if (bestEpoch < 0) {
      return;
    }
    for (int t = 0; t < best.size(); t++) {
      model.parameters().get(t).copyFrom(best.get(t));
    }
    model.forward();
  }

  public int epoch() {
    return epoch;
  }

  public int bestEpoch() {
    return bestEpoch;
  }

  public List<EpochRecord> records() {
    return records;
  }
}
