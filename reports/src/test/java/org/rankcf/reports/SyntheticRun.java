package org.rankcf.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rankcf.reports.schema.Manifest;
import org.rankcf.reports.schema.RunJson;

/**
 * Writes a run folder the way the experiments module lays it out, from a hand-made validation curve: the
 * epoch with the first maximum is the best, every epoch takes 1.5 s of training and 0.5 s of evaluation.
 * The trajectory and metrics are written as older rankcf versions did, without the per-term timings and the
 * peak memory, so that every reader test also reads such files.
 */
final class SyntheticRun {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int DIM = 4;

  private String name = "lastfm-mf-bpr";
  private long seed = 123;
  private int warmEpochs = -1;
  private double[] ndcg = {0.10, 0.30, 0.58, 0.48, 0.60, 0.59};
  private double secondsPerEpoch = 2.0;

  SyntheticRun name(String value) {
    name = value;
    return this;
  }

  SyntheticRun seed(long value) {
    seed = value;
    return this;
  }

  /** Warm phase over epochs 0..lastWarmEpoch, as train.warm-start.epochs. */
  SyntheticRun warm(int lastWarmEpoch) {
    warmEpochs = lastWarmEpoch;
    return this;
  }

  SyntheticRun ndcg(double... values) {
    ndcg = values;
    return this;
  }

  SyntheticRun secondsPerEpoch(double value) {
    secondsPerEpoch = value;
    return this;
  }

  int bestEpoch() {
    int best = 0;
    for (int e = 1; e < ndcg.length; e++) {
      if (ndcg[e] > ndcg[best]) {
        best = e;
      }
    }
    return best;
  }

  /** Writes {@code parent/folder} and returns it. */
  Path writeInto(Path parent, String folder) {
    Path dir = parent.resolve(folder);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(RunReader.MANIFEST), RunJson.document(manifest()));
      List<String> lines = new ArrayList<>();
      for (int e = 0; e < ndcg.length; e++) {
        lines.add(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(epoch(e)));
      }
      Files.write(dir.resolve(RunReader.TRAJECTORY), lines);
      Files.writeString(dir.resolve(RunReader.METRICS), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metrics()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  ObjectNode config() {
    ObjectNode config = JSON.createObjectNode().put("name", name).put("seed", seed).put("threads", 2);
    config.putObject("data").put("path", "data/lastfm").put("split", "paper");
    config.putObject("model").put("name", "mf").put("dim", DIM);
    ObjectNode train = config.putObject("train").put("epochs", 500).put("batch-size", 16384).put("metric", "ndcg@20");
    train.putObject("loss").put("name", "bpr");
    if (warmEpochs >= 0) {
      ObjectNode warm = train.putObject("warm-start").put("epochs", warmEpochs);
      warm.putArray("regularizers").addObject().put("name", "stable-rank").put("weight", 1.0);
    }
    config.putObject("eval").putArray("ks").add(20);
    return config;
  }

  private Manifest manifest() {
    Manifest.Data data = new Manifest.Data("lastfm", "paper(seed=" + seed + ",0.8/0.1/0.1)", 1892, 17632, 74000, 9250, 9250, false, "ab12", 0.5);
    return new Manifest(name, seed, config(), data,
        Map.of("git_commit", "c3b6f12", "java_version", "17", "cores", 2, "kernel_path", "vector"));
  }

  private String phase(int epoch) {
    return epoch <= warmEpochs ? "warm" : "tune";
  }

  /** A spectrum whose head grows with the epoch; the item table's last singular value is zero. */
  static double[] spectrum(int epoch, boolean items) {
    return new double[] {3.0 + 0.1 * epoch, 2.0, 1.0, items ? 0.0 : 0.5};
  }

  static double stableRank(double[] sigma) {
    double sum = 0;
    for (double s : sigma) {
      sum += s * s;
    }
    return sum / (sigma[0] * sigma[0]);
  }

  private ObjectNode epoch(int e) {
    ObjectNode line = JSON.createObjectNode().put("epoch", e).put("phase", phase(e)).put("loss", 0.7 / (e + 1));
    ObjectNode terms = line.putObject("terms").put("bpr", 0.7 / (e + 1));
    if (phase(e).equals("warm")) {
      terms.put("stable-rank", -0.5);
    }
    line.putObject("validation").put("ndcg@20", ndcg[e]).put("recall@20", 1.5 * ndcg[e]);
    line.put("improved", e == firstMaxUpTo(e));
    line.put("user_stable_rank", stableRank(spectrum(e, false))).put("item_stable_rank", stableRank(spectrum(e, true)));
    line.put("user_effective_rank", 3.1).put("item_effective_rank", 2.7);
    array(line.putArray("user_spectrum"), spectrum(e, false));
    array(line.putArray("item_spectrum"), spectrum(e, true));
    line.put("train_seconds", 0.75 * secondsPerEpoch).put("eval_seconds", 0.25 * secondsPerEpoch)
        .put("elapsed_seconds", secondsPerEpoch * (e + 1));
    return line;
  }

  /** Whether epoch e set a new maximum over epochs 0..e. */
  private int firstMaxUpTo(int e) {
    int best = 0;
    for (int k = 1; k <= e; k++) {
      if (ndcg[k] > ndcg[best]) {
        best = k;
      }
    }
    return best;
  }

  private static void array(ArrayNode out, double[] values) {
    for (double v : values) {
      out.add(v);
    }
  }

  private ObjectNode metrics() {
    int best = bestEpoch();
    ObjectNode metrics = JSON.createObjectNode().put("best_epoch", best).put("epochs_run", ndcg.length)
        .put("stop_reason", "early-stopping").put("switch_epoch", warmEpochs >= 0 ? warmEpochs + 1 : -1)
        .put("selection_metric", "ndcg@20").put("selected_on_test", false);
    metrics.putObject("validation").put("ndcg@20", ndcg[best]).put("recall@20", 1.5 * ndcg[best]);
    metrics.putObject("test").put("ndcg@20", 0.9 * ndcg[best]).put("recall@20", 1.4 * ndcg[best]);
    metrics.put("test_users", 1800);
    metrics.put("user_stable_rank", stableRank(spectrum(best, false)))
        .put("item_stable_rank", stableRank(spectrum(best, true)));
    metrics.put("train_seconds", 0.75 * secondsPerEpoch * ndcg.length)
        .put("eval_seconds", 0.25 * secondsPerEpoch * ndcg.length).put("seconds_to_best", secondsPerEpoch * (best + 1));
    return metrics;
  }
}
