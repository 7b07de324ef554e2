package org.rankcf.distributed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.rankcf.experiments.sweep.RunStatus;
import org.rankcf.experiments.sweep.SweepRunTask;

/**
 * Spark's own cost per run: from the moment the scheduler launches a task (driver clock) to the moment the run
 * starts in the executor (its status file's start time), i.e. shipping, deserialising and the plug-in registry.
 * Runs on other hosts need synchronised clocks (NTP) for the figure to mean anything. Every listener hears
 * every job's events; one watches only the stages of the job whose thread set {@link #JOB_PROPERTY} to its id.
 */
final class TaskLaunches extends SparkListener {
  /** The local property that tags a job's stages with the id of the listener that measures it. */
  static final String JOB_PROPERTY = "rankcf.launches";
  private static final AtomicLong IDS = new AtomicLong();

  private final String id = Long.toString(IDS.incrementAndGet());
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
  /** Launch time (ms) of each task's latest attempt, by partition = index in the job's task list. */
  private final Map<Integer, Long> launched = new ConcurrentHashMap<>();

  String id() {
    return id;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    if (submitted.properties() != null && id.equals(submitted.properties().getProperty(JOB_PROPERTY))) {
      stages.add(submitted.stageInfo().stageId());
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart start) {
    if (stages.contains(start.stageId())) {
      launched.put(start.taskInfo().index(), start.taskInfo().launchTime());
    }
  }

  /** {@code launch to run start: median X s, max Y s over N runs}, or null when nothing was measured. */
  String summary(List<SweepRunTask> tasks) {
    List<Double> delays = new ArrayList<>();
    for (int t = 0; t < tasks.size(); t++) {
      Long launch = launched.get(t);
      RunStatus status = RunStatus.read(Path.of(tasks.get(t).sweepDir()), tasks.get(t).name());
      if (launch != null && status != null && status.started() >= launch) {
        delays.add((status.started() - launch) / 1000.0);
      }
    }
    if (delays.isEmpty()) {
      return null;
    }
    delays.sort(null);
    return String.format(Locale.ROOT, "task launch to run start: median %.3f s, max %.3f s over %d runs",
        delays.get(delays.size() / 2), delays.get(delays.size() - 1), delays.size());
  }
}
