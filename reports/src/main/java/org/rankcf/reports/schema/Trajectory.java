package org.rankcf.reports.schema;

import java.nio.file.Path;
import java.util.List;
import org.rankcf.framework.train.EpochRecord;

/** trajectory.jsonl: one {@link EpochRecord} a line, laid out by {@link EpochRecordFormat}. */
public final class Trajectory {
  private Trajectory() {}

  /** A line of the file. */
  public static String line(EpochRecord record) {
    return RunJson.line(record);
  }

  /** Every record of the file with its line number; a line that is not a record is named with its key. */
  public static List<RunJson.Line<EpochRecord>> read(Path file) {
    return RunJson.readLines(file, EpochRecord.class, EpochRecordFormat.OPTIONAL);
  }
}
