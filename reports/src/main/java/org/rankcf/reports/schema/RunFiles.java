package org.rankcf.reports.schema;

/** The names of the files in a run folder and in a sweep folder. */
public final class RunFiles {
  /** Run folder: name, seed, resolved config, data description and environment ({@link Manifest}). */
  public static final String MANIFEST = "manifest.json";
  /** Run folder: what determines the results, to refuse resuming or skipping a run whose settings changed. */
  public static final String FINGERPRINT = "fingerprint.json";
  /** Run folder: one {@link org.rankcf.framework.train.EpochRecord} a line. */
  public static final String TRAJECTORY = "trajectory.jsonl";
  /** Run folder: the selected epoch and its test metrics ({@link RunMetrics}). */
  public static final String METRICS = "metrics.json";
  /** Run folder: per-user test values of the selection metric and recall at its K ({@link PerUserCsv}). */
  public static final String PER_USER = "test_per_user.csv";
  /** Sweep folder: one {@link ResultsRow} per run, as JSON and as CSV. */
  public static final String RESULTS = "results.json";
  public static final String RESULTS_CSV = "results.csv";
  /** Sweep folder: per arm mean and std over seeds, and the paired comparisons. */
  public static final String STATS = "stats.json";

  private RunFiles() {}
}
