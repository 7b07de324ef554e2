package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.TimeToTarget.Reached;

/**
 * The self-contained report.html of a run or sweep: tables of the selected epochs, times to target and
 * warm-start speed-ups, the sweep's own summaries, the figures as data: URIs and each manifest. It loads
 * nothing: no external style, script, font or image. A small inline script records on the body, as
 * {@code data-images-ok="decoded/total"}, how many images the browser could decode.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:sans-serif;margin:24px auto;max-width:1240px;color:#222;line-height:1.4}
      h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:8px 0 16px;font-size:0.85em}
      th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}
      th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}
      figure{margin:16px 0}img{max-width:100%;height:auto;border:1px solid #eee}
      figcaption{font-size:0.9em;color:#555}pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:0.8em}
      .note{color:#555;font-size:0.9em}
      """;
  private static final String IMAGE_CHECK = """
      window.addEventListener('load', function () {
        var images = document.images, decoded = 0;
        for (var k = 0; k < images.length; k++) {
          if (images[k].complete && images[k].naturalWidth > 0) { decoded++; }
        }
        document.body.setAttribute('data-images-ok', decoded + '/' + images.length);
      });
      """;

  private final RunSet set;
  private final String metric;
  private final double fraction;
  private final StringBuilder html = new StringBuilder(1 << 16);

  private HtmlReport(RunSet set, double fraction) {
    this.set = set;
    this.metric = set.selectionMetric();
    this.fraction = fraction;
  }

  /** The whole page. */
  public static String render(RunSet set, List<Figure> figures, List<RunPair> pairs, double fraction) {
    return new HtmlReport(set, fraction).page(figures, pairs);
  }

  private String page(List<Figure> figures, List<RunPair> pairs) {
    String title = "rankcf report: " + set.root().getFileName();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(Html.escape(title)).append("</h1>\n");
    overview();
    bestEpochs();
    timeToTarget();
    speedups(pairs);
    set.results().ifPresent(results -> section("Sweep results (results.json)", results));
    set.stats().ifPresent(stats -> section("Statistics (stats.json)", stats));
    figures(figures);
    manifests();
    html.append("<script>\n").append(IMAGE_CHECK).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private void overview() {
    JsonNode data = set.runs().get(0).manifest().path("data");
    html.append("<p>").append(set.runs().size()).append(set.runs().size() == 1 ? " run" : " runs")
        .append("; selection metric: validation ").append(Html.escape(metric))
        .append("; data: ").append(Html.escape(data.path("name").asText("?")))
        .append(" (").append(Html.escape(data.path("protocol").asText("?"))).append(" split, ")
        .append(Html.escape(data.path("users").asText("?"))).append(" users, ")
        .append(Html.escape(data.path("items").asText("?"))).append(" items, ")
        .append(Html.escape(data.path("train_pairs").asText("?"))).append(" train pairs).</p>\n");
    if (!set.skipped().isEmpty()) {
      html.append("<p class=\"note\">Folders without metrics.json, left out: ")
          .append(Html.escape(String.join(", ", set.skipped()))).append("</p>\n");
    }
  }

  private void bestEpochs() {
    TreeSet<String> testMetrics = new TreeSet<>();
    set.runs().forEach(r -> testMetrics.addAll(r.metrics().test().keySet()));
    List<String> headers = new ArrayList<>(List.of("run", "seed", "warm start", "switch epoch", "best epoch",
        "epochs run", "stop reason", "validation " + metric));
    testMetrics.forEach(m -> headers.add("test " + m));
    headers.addAll(List.of("user srank at best", "item srank at best"));
    HtmlTable table = new HtmlTable(headers);
    for (RunRecord run : set.runs()) {
      RunMetrics m = run.metrics();
      EpochRecord best = run.best();
      List<String> cells = new ArrayList<>(List.of(run.label(), run.manifest().path("seed").asText(""),
          run.warmStart() ? "yes" : "no", run.switchEpoch() < 0 ? "-" : Integer.toString(run.switchEpoch()),
          Integer.toString(m.bestEpoch()), Integer.toString(m.epochsRun()), m.stopReason(),
          Html.fixed(best.validation().get(metric), 4)));
      testMetrics.forEach(t -> cells.add(Html.fixed(m.test().getOrDefault(t, Double.NaN), 4)));
      cells.add(Html.fixed(best.userStableRank(), 2));
      cells.add(Html.fixed(best.itemStableRank(), 2));
      table.row(cells);
    }
    heading("Selected epoch per run");
    html.append("<p class=\"note\">The selected epoch has the best validation ").append(Html.escape(metric))
        .append("; its test metrics were computed once, after training. The switch epoch is the first tune-phase epoch.</p>\n");
    table.appendTo(html);
  }

  private void timeToTarget() {
    String percent = percent(fraction);
    HtmlTable table = new HtmlTable("run", "best validation " + metric, "epochs to best", "seconds to best",
        "train seconds to best", percent + " of best", "epochs to " + percent, "seconds to " + percent,
        "train seconds to " + percent);
    for (RunRecord run : set.runs()) {
      TimeToTarget t = TimeToTarget.of(run.trajectory(), metric, fraction);
      table.row(run.label(), Html.fixed(t.best(), 4), Integer.toString(t.toBest().epochs()),
          Html.fixed(t.toBest().elapsedSeconds(), 1), Html.fixed(t.toBest().trainSeconds(), 1),
          Html.fixed(t.target(), 4), Integer.toString(t.toFraction().epochs()),
          Html.fixed(t.toFraction().elapsedSeconds(), 1), Html.fixed(t.toFraction().trainSeconds(), 1));
    }
    heading("Time to best and to " + percent + " of best");
    html.append("<p class=\"note\">Epochs are counted from 1; seconds are training plus evaluation since the start "
        + "of the run, train seconds exclude evaluation.</p>\n");
    table.appendTo(html);
  }

  private void speedups(List<RunPair> pairs) {
    heading("Warm-start speed-ups");
    if (pairs.isEmpty()) {
      html.append("<p class=\"note\">No warm-start run has a baseline here (a run of the same config without "
          + "train.warm-start).</p>\n");
      return;
    }
    String percent = percent(fraction);
    TreeSet<String> testMetrics = new TreeSet<>(pairs.get(0).warm().metrics().test().keySet());
    List<String> headers = new ArrayList<>(List.of("warm start", "baseline", "epochs to best", "seconds to best",
        "epochs to " + percent, "seconds to " + percent));
    testMetrics.forEach(m -> headers.add("test " + m));
    HtmlTable table = new HtmlTable(headers);
    for (RunPair pair : pairs) {
      Speedup s = Speedup.of(pair, metric, fraction);
      Reached baseTarget = s.baseline().toFraction();
      List<String> cells = new ArrayList<>(List.of(pair.warm().label(), pair.baseline().label(),
          change(s.baseline().toBest().epochs(), s.warm().toBest().epochs(), 0, s.epochsToBestReduction()),
          change(s.baseline().toBest().elapsedSeconds(), s.warm().toBest().elapsedSeconds(), 1,
              s.secondsToBestReduction()),
          s.warmToTarget().map(w -> change(baseTarget.epochs(), w.epochs(), 0, s.epochsToTargetReduction()))
              .orElse(baseTarget.epochs() + " → never"),
          s.warmToTarget().map(w -> change(baseTarget.elapsedSeconds(), w.elapsedSeconds(), 1,
              s.secondsToTargetReduction())).orElse(Html.fixed(baseTarget.elapsedSeconds(), 1) + " → never")));
      for (String m : testMetrics) {
        double base = pair.baseline().metrics().test().getOrDefault(m, Double.NaN);
        double with = pair.warm().metrics().test().getOrDefault(m, Double.NaN);
        cells.add(Html.fixed(base, 4) + " → " + Html.fixed(with, 4) + " (" + signed(s.testChange(m)) + ")");
      }
      table.row(cells);
    }
    html.append("<p class=\"note\">Each cell reads baseline → warm start (change). Time to best is to each run's own "
        + "best; time to ").append(percent).append(" is to ").append(percent)
        .append(" of the baseline's best validation ").append(Html.escape(metric))
        .append(", a target common to both runs. A reduction is positive when warm start is faster.</p>\n");
    table.appendTo(html);
  }

  private static String change(double base, double with, int decimals, double reduction) {
    return Html.fixed(base, decimals) + " → " + Html.fixed(with, decimals) + " ("
        + String.format(Locale.ROOT, "%.1f%% ", Math.abs(reduction)) + (reduction >= 0 ? "less" : "more") + ")";
  }

  private static String signed(double percentChange) {
    return Double.isNaN(percentChange) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", percentChange);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }

  private void section(String title, JsonNode content) {
    heading(title);
    JsonTables.render(html, content, 0);
  }

  private void figures(List<Figure> figures) {
    heading("Figures");
    html.append("<p class=\"note\">Dashed vertical lines mark the switch from the warm phase to the tune phase.</p>\n");
    Base64.Encoder base64 = Base64.getEncoder();
    for (Figure figure : figures) {
      html.append("<figure id=\"").append(Html.escape(figure.id())).append("\">\n<img src=\"data:image/png;base64,")
          .append(base64.encodeToString(figure.png())).append("\" alt=\"").append(Html.escape(figure.title()))
          .append("\" width=\"").append(Figures.WIDTH).append("\" height=\"").append(Figures.HEIGHT).append("\">\n")
          .append("<figcaption><b>").append(Html.escape(figure.title())).append(".</b> ")
          .append(Html.escape(figure.caption())).append("</figcaption>\n</figure>\n");
    }
  }

  private void manifests() {
    heading("Manifests");
    for (RunRecord run : set.runs()) {
      html.append("<details>\n<summary>").append(Html.escape(run.label())).append(": ")
          .append(Html.escape(run.directory().getFileName().toString())).append("/manifest.json</summary>\n<pre>")
          .append(Html.escape(run.manifest().toPrettyString())).append("</pre>\n</details>\n");
    }
  }

  private void heading(String title) {
    html.append("<h2>").append(Html.escape(title)).append("</h2>\n");
  }
}
