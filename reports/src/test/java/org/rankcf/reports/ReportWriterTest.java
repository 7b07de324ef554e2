package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.util.ConfigException;

class ReportWriterTest {
  static final String BASE_NAME = "bpr \"quoted\" & 'single'";
  static final String WARM_NAME = "warm<script>alert(1)</script>";
  private static final Pattern IMG = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  @TempDir static Path sweepDir;
  private static String sweepHtml;

  @TempDir Path tmp;

  @BeforeAll
  static void writeTheSweepReport() throws IOException {
    sweepHtml = Files.readString(ReportWriter.write(sweep(sweepDir)));
  }

  /** A baseline and a warm-start run of the same config, with the sweep's own summaries. */
  static Path sweep(Path root) throws IOException {
    new SyntheticRun().name(BASE_NAME).ndcg(0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.59).writeInto(root, "a-base");
    new SyntheticRun().name(WARM_NAME).warm(1).ndcg(0.2, 0.4, 0.58, 0.62, 0.61).secondsPerEpoch(2.5)
        .writeInto(root, "b-warm");
    Files.writeString(root.resolve(RunReader.RESULTS),
        "[{\"run\": \"a-base\", \"group\": \"<img src=x onerror=alert(2)>\", \"arm\": \"baseline\", \"test_ndcg@20\": 0.54},"
            + " {\"run\": \"b-warm\", \"group\": \"g\", \"arm\": \"warm\", \"test_ndcg@20\": 0.558}]");
    Files.writeString(root.resolve(RunReader.STATS),
        "{\"ndcg@20\": {\"baseline\": {\"mean\": 0.54, \"std\": 0.01}, \"paired_t_p_value\": 0.0123}}");
    return root;
  }

  static List<byte[]> images(String html) {
    List<byte[]> images = new ArrayList<>();
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      images.add(Base64.getDecoder().decode(m.group(1)));
    }
    return images;
  }

  @Test
  void aSweepReportEmbedsEveryFigureAsADecodablePng() throws IOException {
    String html = sweepHtml;

    List<byte[]> images = images(html);
    // validation by epoch and by time, loss, two stable ranks, two spectra for each of the two runs
    assertThat(images).hasSize(9);
    assertThat(html.split("<img", -1)).hasSize(10);
    images.forEach(Png::decode);
    try (var files = Files.list(sweepDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("report.html").noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void loadsNothingFromOutside() {
    String html = sweepHtml;
    assertThat(html).doesNotContain("http:", "https:", "<link", "@import", "url(", "src=\"file", "<iframe");
    // the one script is the inline image check
    assertThat(html.split("<script", -1)).hasSize(2);
    assertThat(html).contains("<script>\nwindow.addEventListener('load'");
  }

  @Test
  void escapesEveryStringFromConfigsAndData() {
    String html = sweepHtml;
    assertThat(html).doesNotContain("<script>alert", "<img src=x", "\"quoted\" &");
    assertThat(html).contains("warm&lt;script&gt;alert(1)&lt;/script&gt;",
        "bpr &quot;quoted&quot; &amp; &#39;single&#39;", "&lt;img src=x onerror=alert(2)&gt;",
        "&quot;split_hash&quot; : &quot;ab12&quot;");
  }

  @Test
  void tablesHoldSelectedEpochsTimesToTargetSpeedupsAndStatistics() {
    String html = sweepHtml;
    String base = Html.escape(BASE_NAME);
    String warm = Html.escape(WARM_NAME);
    // run, seed, warm start, switch epoch, best epoch, epochs run, stop reason, validation, test ndcg, test recall, ...
    assertThat(html).contains("<tr><td>" + warm + "</td><td>123</td><td>yes</td><td>2</td><td>3</td><td>5</td>"
        + "<td>early-stopping</td><td>0.6200</td><td>0.5580</td><td>0.8680</td>");
    assertThat(html).contains("<tr><td>" + base + "</td><td>123</td><td>no</td><td>-</td><td>6</td>");
    // best, epochs/seconds/train seconds to best, target, epochs/seconds/train seconds to it
    assertThat(html).contains("<tr><td>" + base
        + "</td><td>0.6000</td><td>7</td><td>14.0</td><td>10.5</td><td>0.5700</td><td>7</td><td>14.0</td><td>10.5</td></tr>");
    assertThat(html).contains("<tr><td>" + warm
        + "</td><td>0.6200</td><td>4</td><td>10.0</td><td>7.5</td><td>0.5890</td><td>4</td><td>10.0</td><td>7.5</td></tr>");
    assertThat(html).contains("<tr><td>" + warm + "</td><td>" + base + "</td><td>7 → 4 (42.9% less)</td>"
        + "<td>14.0 → 10.0 (28.6% less)</td><td>7 → 3 (57.1% less)</td><td>14.0 → 7.5 (46.4% less)</td>"
        + "<td>0.5400 → 0.5580 (+3.3%)</td>");
    assertThat(html).contains("<summary>Statistics (stats.json)</summary>", "<td>paired_t_p_value</td><td>0.0123</td>",
        "<summary>Sweep results (results.json)</summary>", "<th>arm</th>");
  }

  @Test
  void aSingleRunReportHasHeadlineMetricsThenCurvesThenDetails() throws IOException {
    Path run = new SyntheticRun().warm(1).writeInto(tmp, "run");
    String html = Files.readString(ReportWriter.write(run));
    // validation by epoch and by time, loss, two stable ranks, two spectra
    assertThat(images(html)).hasSize(7);
    assertThat(html).contains("<h1>rankcf run: lastfm-mf-bpr</h1>").doesNotContain("stats.json", "baseline");
    // best epoch 4 of the curve 0.10, 0.30, 0.58, 0.48, 0.60, 0.59: 2 s an epoch, 95% of 0.60 first at epoch 2
    assertThat(html).contains("Selected epoch <b>4</b> of 6 run (early-stopping) · <b>0.6000</b> validation ndcg@20, "
        + "<b>0.5400</b> test · <b>12.0 s</b> (training 9.0 s, evaluation 3.0 s; 10.0 s to the selected epoch, "
        + "6.0 s (3 epochs) to 95% of its best) · switch to the tune phase at epoch 2");
    assertThat(html).contains("<table id=\"headline\">\n<thead><tr><th>metric</th><th>test@20</th>"
        + "<th>validation@20</th></tr></thead>\n<tbody>\n<tr><td>ndcg</td><td>0.5400</td><td>0.6000</td></tr>\n"
        + "<tr><td>recall</td><td>0.8400</td><td>0.9000</td></tr>");
    int headline = html.indexOf("id=\"headline\"");
    int firstImage = html.indexOf("<img");
    int details = html.indexOf("<details>");
    assertThat(headline).isLessThan(firstImage);
    assertThat(html.lastIndexOf("<img")).isLessThan(details);
    assertThat(html).contains("<summary>Every epoch (6)</summary>", "<summary>Config</summary>",
        "<summary>Manifest</summary>", "<tr><td>1</td><td>warm</td><td>0.35000</td><td>0.35000</td><td>-0.50000</td>");
    assertThat(Files.exists(run.resolve("report.html"))).isTrue();
  }

  @Test
  void rewritingReplacesTheReport() throws IOException {
    Path run = new SyntheticRun().writeInto(tmp, "run");
    Files.writeString(run.resolve("report.html"), "old");
    ReportWriter.write(run, new ReportOptions(0.5, List.of(0), Map.of(), Band.MIN_MAX));
    String html = Files.readString(run.resolve("report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("epochs) to 50% of its best");
    assertThatThrownBy(() -> new ReportOptions(1.5, List.of(), Map.of(), Band.MIN_MAX)).isInstanceOf(ConfigException.class)
        .hasMessage("target-fraction: must be in (0, 1] (got 1.5)");
  }
}
