package org.rankcf.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.scheduler.TaskLocality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.run.DamagedCheckpoint;
import org.rankcf.experiments.sweep.RunStatus;
import org.rankcf.experiments.sweep.SweepRunTask;

/** Two jobs at once (an asynchronous search): each listener measures only its own job's task. */
class TaskLaunchesTest {
  @TempDir
  Path sweep;

  @Test
  void eachListenerTimesOnlyTheTasksOfItsOwnJob() {
    TaskLaunches first = new TaskLaunches();
    TaskLaunches second = new TaskLaunches();
    // both listeners hear both jobs: stage 1 is the first's, stage 2 the second's, each one task at index 0
    for (TaskLaunches listener : List.of(first, second)) {
      listener.onStageSubmitted(submitted(1, first.id()));
      listener.onStageSubmitted(submitted(2, second.id()));
      listener.onTaskStart(new SparkListenerTaskStart(1, 0, task(10, 1_000)));
      listener.onTaskStart(new SparkListenerTaskStart(2, 0, task(11, 5_000)));
    }
    new RunStatus("r000", RunStatus.State.DONE, 1, null, 1_500, 2_000, "here").write(sweep);
    new RunStatus("r001", RunStatus.State.DONE, 1, null, 5_200, 6_000, "here").write(sweep);

    assertThat(first.summary(List.of(task("r000"))))
        .isEqualTo("task launch to run start: median 0.500 s, max 0.500 s over 1 runs");
    assertThat(second.summary(List.of(task("r001"))))
        .isEqualTo("task launch to run start: median 0.200 s, max 0.200 s over 1 runs");
  }

  private static SparkListenerStageSubmitted submitted(int stage, String job) {
    Properties properties = new Properties();
    properties.setProperty(TaskLaunches.JOB_PROPERTY, job);
    StageInfo info = new StageInfo(stage, 0, "stage " + stage, 1, none(), none(), "", null, none(),
        scala.Option.empty(), 0, false, 1);
    return new SparkListenerStageSubmitted(info, properties);
  }

  /** Scala's empty list, as whatever sequence the constructor asks for. */
  @SuppressWarnings("unchecked")
  private static <T> scala.collection.immutable.Seq<T> none() {
    return (scala.collection.immutable.Seq<T>) (Object) scala.collection.immutable.Nil$.MODULE$;
  }

  private static TaskInfo task(long id, long launched) {
    return new TaskInfo(id, 0, 0, launched, "executor", "here", TaskLocality.PROCESS_LOCAL(), false);
  }

  private SweepRunTask task(String run) {
    return new SweepRunTask(0, 1, run, "{}", sweep.toString(), ".", null, false, DamagedCheckpoint.FAIL, 0, false);
  }
}
