package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.TimeToTarget.Reached;
import org.rankcf.reports.schema.RunMetrics;

/**
 * The self-contained report.html of a run or sweep: tables of the selected epochs, times to target and
 * warm-start speed-ups, the sweep's own summaries, the figures as data: URIs and each manifest. It loads
 * nothing: no external style, script, font or image. A small inline script records on the body, as
 * {@code data-images-ok="decoded/total"}, how many images the browser could decode.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:sans-serif;margin:20px auto;max-width:1340px;padding:0 16px;color:#222;line-height:1.4}
      h1{font-size:1.5em;margin-bottom:4px}h2{margin-top:1.6em;border-bottom:1px solid #ccc;font-size:1.25em}
      h3{font-size:1em;margin:1em 0 4px}.lead{margin:4px 0 12px}
      table{border-collapse:collapse;margin:8px 0 4px;font-size:0.85em}
      th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}
      th{background:#f2f2f2;cursor:pointer;user-select:none}th[data-sort]::after{content:attr(data-sort)}
      td:first-child,th:first-child{text-align:left}td.sig{background:#e6f4ea}
      .scroll{overflow-x:auto;max-width:100%}.csv{font-size:0.8em;margin:0 0 14px}
      .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:8px 14px}
      figure{margin:0}img{width:100%;height:auto;border:1px solid #eee}
      figcaption{font-size:0.85em;color:#555}pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:0.8em}
      details{margin:6px 0}summary{cursor:pointer;font-weight:bold}.note{color:#555;font-size:0.9em}
      """;
  /**
   * Counts decoded images onto the body; makes every table sortable by a click on a header (numbers by
   * value, "a ± b" by a, text otherwise) and adds a link that downloads the table as CSV, built from the
   * page itself.
   */
  private static final String SCRIPT = """
      window.addEventListener('load', function () {
        var images = document.images, decoded = 0;
        for (var k = 0; k < images.length; k++) {
          if (images[k].complete && images[k].naturalWidth > 0) { decoded++; }
        }
        document.body.setAttribute('data-images-ok', decoded + '/' + images.length);
      });
      function cellValue(row, c) {
        var text = row.cells[c] ? row.cells[c].textContent.trim() : '';
        var n = parseFloat(text.replace(/^\\+/, ''));
        return isNaN(n) || !/^[-+]?[0-9.]/.test(text) ? text.toLowerCase() : n;
      }
      function sortTable(table, c) {
        var th = table.tHead.rows[0].cells[c], up = th.getAttribute('data-sort') !== ' ▲';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('data-sort'); });
        th.setAttribute('data-sort', up ? ' ▲' : ' ▼');
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, c), y = cellValue(b, c);
          if (typeof x !== typeof y) { return (typeof x === 'number' ? -1 : 1) * (up ? 1 : -1); }
          return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      function csvOf(table) {
        return Array.prototype.map.call(table.rows, function (row) {
          return Array.prototype.map.call(row.cells, function (cell) {
            var text = cell.textContent;
            return /[",\\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
          }).join(',');
        }).join('\\n') + '\\n';
      }
      document.querySelectorAll('table').forEach(function (table, t) {
        if (!table.tHead || !table.tBodies.length) { return; }
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, c) {
          th.title = 'click to sort';
          th.addEventListener('click', function () { sortTable(table, c); });
        });
        var link = document.createElement('a'), p = document.createElement('p');
        link.textContent = 'download CSV';
        link.download = (table.id || 'table-' + (t + 1)) + '.csv';
        link.className = 'csv-link';
        link.href = '#';
        link.addEventListener('click', function () {
          link.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csvOf(table));
        });
        p.className = 'csv';
        p.appendChild(link);
        (table.parentNode.className === 'scroll' ? table.parentNode : table).insertAdjacentElement('afterend', p);
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

  /** The whole page: findings first, then the curves and spectra by arm, then every detail collapsed. */
  public static String render(RunSet set, List<RunPair> pairs, ReportOptions options) {
    return new HtmlReport(set, options.targetFraction()).page(pairs, options.spectrumEpochs());
  }

  private String page(List<RunPair> pairs, List<Integer> spectrumEpochs) {
    String title = "rankcf report: " + set.root().getFileName();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(Html.escape(title)).append("</h1>\n");
    List<Arm> arms = Arm.of(set);
    Findings findings = new Findings(set, arms);
    findings.appendSummaryTo(html);
    findings.appendTableTo(html);
    html.append("<p class=\"note\">Test metrics at each run's selected epoch, mean ± sample std over seeds.");
    if (findings.compares()) {
      html.append(" For a compared arm: Δ is the change of the mean against its baseline; p are paired t-tests over "
          + "seeds and over users (<b>*</b> marks p &lt; ").append(Findings.ALPHA).append("); time to target is the "
          + "change in seconds to ").append(percent(fraction)).append(" of the baseline's best validation ")
          .append(Html.escape(metric)).append(", time to best to each arm's own best.");
    }
    html.append("</p>\n");
    if (!set.skipped().isEmpty()) {
      html.append("<p class=\"note\">Folders without metrics.json, left out: ")
          .append(Html.escape(String.join(", ", set.skipped()))).append("</p>\n");
    }
    List<List<Arm>> groups = PlotGroups.of(arms, findings.comparedPairs(), pairs, metric);
    ArmFigures figures = new ArmFigures(arms);
    heading("Curves by arm");
    html.append("<p class=\"note\">Each arm is its mean over seeds with a shaded min-max band; the dashed line marks "
        + "the switch from the warm to the tune phase; an arm keeps its colour in every chart.</p>\n");
    for (int g = 0; g < groups.size(); g++) {
      List<Arm> group = groups.get(g);
      html.append("<h3>").append(Html.escape(String.join(" vs ", group.stream().map(Arm::name).toList())))
          .append("</h3>\n");
      grid(figures.curves("group-" + (g + 1), group, metric));
    }
    heading("Spectra");
    html.append("<p class=\"note\">Singular values of the embedding tables, largest first, averaged over seeds at "
        + "each run's first, end-of-warm, best and last epochs (log scale).</p>\n");
    grid(figures.spectra(groups.stream().flatMap(List::stream).distinct().toList(), spectrumEpochs));
    heading("Details");
    bestEpochs();
    timeToTarget();
    speedups(pairs);
    set.results().ifPresent(results -> section("Sweep results (results.json)", results));
    set.stats().ifPresent(stats -> section("Statistics (stats.json)", stats));
    manifests();
    html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
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
    openDetails("Selected epoch per run (" + set.runs().size() + " runs)");
    html.append("<p class=\"note\">The selected epoch has the best validation ").append(Html.escape(metric))
        .append("; its test metrics were computed once, after training. The switch epoch is the first tune-phase epoch.</p>\n");
    closeDetails(table);
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
    openDetails("Time to best and to " + percent + " of best");
    html.append("<p class=\"note\">Epochs are counted from 1; seconds are training plus evaluation since the start "
        + "of the run, train seconds exclude evaluation.</p>\n");
    closeDetails(table);
  }

  private void speedups(List<RunPair> pairs) {
    openDetails("Warm-start speed-ups per run pair");
    if (pairs.isEmpty()) {
      html.append("<p class=\"note\">No warm-start run has a baseline here (a run of the same config without "
          + "train.warm-start).</p>\n</details>\n");
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
    closeDetails(table);
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
    openDetails(title);
    html.append("<div class=\"scroll\">\n");
    JsonTables.render(html, content, 0);
    html.append("</div>\n</details>\n");
  }

  private void grid(List<Figure> figures) {
    html.append("<div class=\"grid\">\n");
    Base64.Encoder base64 = Base64.getEncoder();
    for (Figure figure : figures) {
      html.append("<figure id=\"").append(Html.escape(figure.id())).append("\">\n<img src=\"data:image/png;base64,")
          .append(base64.encodeToString(figure.png())).append("\" alt=\"").append(Html.escape(figure.title()))
          .append("\" width=\"").append(ArmFigures.WIDTH).append("\" height=\"").append(ArmFigures.HEIGHT)
          .append("\">\n<figcaption><b>").append(Html.escape(figure.title())).append("</b> · ")
          .append(Html.escape(figure.caption())).append("</figcaption>\n</figure>\n");
    }
    html.append("</div>\n");
  }

  private void manifests() {
    openDetails("Manifests (" + set.runs().size() + ")");
    for (RunRecord run : set.runs()) {
      html.append("<details>\n<summary>").append(Html.escape(run.label())).append(": ")
          .append(Html.escape(run.directory().getFileName().toString())).append("/manifest.json</summary>\n<pre>")
          .append(Html.escape(run.manifest().toPrettyString())).append("</pre>\n</details>\n");
    }
    html.append("</details>\n");
  }

  private void closeDetails(HtmlTable table) {
    html.append("<div class=\"scroll\">\n");
    table.appendTo(html);
    html.append("</div>\n</details>\n");
  }

  private void openDetails(String title) {
    html.append("<details>\n<summary>").append(Html.escape(title)).append("</summary>\n");
  }

  private void heading(String title) {
    html.append("<h2>").append(Html.escape(title)).append("</h2>\n");
  }
}
