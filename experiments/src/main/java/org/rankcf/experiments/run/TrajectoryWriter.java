package org.rankcf.experiments.run;

import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.train.TrainingListener;
import org.rankcf.reports.schema.RunFiles;
import org.rankcf.reports.schema.Trajectory;

/** Appends one line per epoch to trajectory.jsonl. */
final class TrajectoryWriter implements TrainingListener {
  private final RunDirectory run;

  TrajectoryWriter(RunDirectory run) {
    this.run = run;
  }

  @Override
  public void epochDone(EpochRecord record) {
    run.appendLine(RunFiles.TRAJECTORY, Trajectory.line(record));
  }
}
