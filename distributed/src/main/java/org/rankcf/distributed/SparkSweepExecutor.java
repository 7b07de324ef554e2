package org.rankcf.distributed;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.rankcf.experiments.cli.Plugins;
import org.rankcf.experiments.sweep.SweepExecutor;
import org.rankcf.experiments.sweep.SweepRunTask;

/**
 * Runs a sweep on Apache Spark, one run per task (one partition each) in the executor JVMs; each call is one
 * Spark job (a search's rung, or one run of an asynchronous search), all in one Spark session that
 * {@link #close()} ends; calls from several threads at once run as concurrent jobs of that session. Spark's
 * retry of a failed task (a lost executor) reruns the same {@link SweepRunTask}, which resumes from the run's
 * checkpoint and commits the folder by rename; speculative copies are switched off so one run never has two
 * live attempts.
 */
public final class SparkSweepExecutor implements SweepExecutor {
  /** The heap and module flag the launcher gives a run, passed on to executors. */
  static final String RUN_JVM_OPTIONS = "--add-modules jdk.incubator.vector -XX:+UseParallelGC";

  private final String master;
  private JavaSparkContext spark;

  public SparkSweepExecutor(String master) {
    this.master = master;
  }

  @Override
  public void execute(List<SweepRunTask> tasks, PrintWriter log) {
    if (tasks.isEmpty()) {
      return;
    }
    int cpusPerRun = tasks.stream().mapToInt(SweepRunTask::threads).max().orElseThrow();
    JavaSparkContext spark = session(cpusPerRun);
    log.printf("spark: %d runs on %s, %s cores per run%n", tasks.size(), spark.master(),
        spark.getConf().get("spark.task.cpus"));
    log.flush();
    TaskLaunches launches = new TaskLaunches();
    spark.sc().addSparkListener(launches);
    List<String> summaries;
    try {
      // local properties are the calling thread's: they tag this job's stages among other threads' jobs
      spark.setLocalProperty(TaskLaunches.JOB_PROPERTY, launches.id());
      summaries = spark.parallelize(tasks, tasks.size())
          .map(task -> task.run(Plugins.registry(), new PrintWriter(System.err, true)))
          .collect();
    } finally {
      spark.setLocalProperty(TaskLaunches.JOB_PROPERTY, null);
      spark.sc().removeSparkListener(launches);
    }
    summaries.forEach(log::println);
    String overhead = launches.summary(tasks);
    if (overhead != null) {
      log.println("spark: " + overhead);
    }
    log.flush();
  }

  /** The session, started by the first job; later jobs, from any thread, share it. */
  private synchronized JavaSparkContext session(int cpusPerRun) {
    if (spark == null) {
      spark = new JavaSparkContext(conf(master, cpusPerRun));
    } else if (Integer.parseInt(spark.getConf().get("spark.task.cpus")) < cpusPerRun) {
      throw new IllegalStateException("a later job needs " + cpusPerRun + " cores per run, the session was started with "
          + spark.getConf().get("spark.task.cpus"));
    }
    return spark;
  }

  @Override
  public synchronized void close() {
    if (spark != null) {
      spark.close();
      spark = null;
    }
  }

  /**
   * Spark's settings for a sweep: spark.* system properties (and spark-submit's) win over these defaults,
   * except that a task always claims as many cores as its run's trainer uses.
   */
  static SparkConf conf(String master, int cpusPerRun) {
    SparkConf conf = new SparkConf().setAppName("rankcf sweep");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.set("spark.task.cpus", Integer.toString(cpusPerRun));
    conf.set("spark.speculation", "false");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.executor.memory", System.getProperty("rankcf.executor.memory", "4g"));
    conf.setIfMissing("spark.executor.extraJavaOptions", RUN_JVM_OPTIONS + " " + moduleOpens());
    String localIp = System.getenv("SPARK_LOCAL_IP");
    if (localIp != null) {
      conf.setIfMissing("spark.driver.host", localIp);
      conf.setIfMissing("spark.driver.bindAddress", localIp);
    }
    return conf;
  }

  /** The --add-opens set Spark needs on JDK 17, as the build wrote it (the pom's spark.jvm.opens). */
  static String moduleOpens() {
    try (InputStream in = SparkSweepExecutor.class.getResourceAsStream("/rankcf-spark-jvm-options.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
