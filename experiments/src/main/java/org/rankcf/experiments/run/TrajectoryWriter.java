package org.rankcf.experiments.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.TrainingListener;

/** Appends one JSON line per epoch to trajectory.jsonl. */
final class TrajectoryWriter implements TrainingListener {
  private final RunDirectory run;

  TrajectoryWriter(RunDirectory run) {
    this.run = run;
  }

  @Override
  public void epochDone(EpochRecord r) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("epoch", r.epoch());
    line.put("phase", r.phase());
    line.put("loss", r.loss());
    line.put("terms", r.terms());
    line.put("validation", r.validation());
    line.put("improved", r.improved());
    line.put("user_stable_rank", r.userStableRank());
    line.put("item_stable_rank", r.itemStableRank());
    line.put("user_effective_rank", r.userEffectiveRank());
    line.put("item_effective_rank", r.itemEffectiveRank());
    line.put("user_spectrum", r.userSpectrum());
    line.put("item_spectrum", r.itemSpectrum());
    line.put("train_seconds", r.trainSeconds());
    line.put("term_seconds", r.termSeconds());
    line.put("update_seconds", r.updateSeconds());
    line.put("eval_seconds", r.evalSeconds());
    line.put("elapsed_seconds", r.elapsedSeconds());
    run.appendJsonLine("trajectory.jsonl", line);
  }
}
