package org.rankcf.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.TimeToTarget.Reached;
import org.rankcf.reports.schema.RunMetrics;

/**
 * The self-contained report.html of a sweep (a study): the findings, then the curves and spectra by arm, then tables of the selected epochs, times to target and
 * warm-start speed-ups, the sweep's own summaries, the figures as data: URIs and each manifest. It loads
 * nothing: no external style, script, font or image. A small inline script records on the body, as
 * {@code data-images-ok="decoded/total"}, how many images the browser could decode.
 */
public final class HtmlReport {
  private final RunSet set;
  private final String metric;
  private final double fraction;
  private final ReportOptions options;
  private final HtmlPage page;
  private final StringBuilder html;

  private HtmlReport(RunSet set, ReportOptions options) {
    this.set = set;
    this.metric = set.selectionMetric();
    this.fraction = options.targetFraction();
    this.options = options;
    this.page = new HtmlPage("rankcf report: " + set.root().getFileName());
    this.html = page.html();
  }

  /**
   * The whole page: findings first, then the curves (small multiples where the sweep has data-set, model or
   * learning-rate axes) and spectra by arm, then every detail collapsed.
   */
  public static String render(RunSet set, List<RunPair> pairs, ReportOptions options) {
    return new HtmlReport(set, options).page(pairs);
  }

  private String page(List<RunPair> pairs) {
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
    CurvePanels curvePanels = new CurvePanels(set, arms, Facets.of(set));
    List<List<String>> lineGroups = curvePanels.lineGroups(groups);
    ArmFigures figures = new ArmFigures(lineGroups.stream().flatMap(List::stream).toList(), options.band());
    page.heading("Curves by arm");
    Facets facets = curvePanels.facets();
    page.note("Each arm is its mean over seeds with a shaded band (" + Html.escape(options.band().legend())
        + "); the dashed line marks the switch from the warm to the tune phase; an arm keeps its colour in every "
        + "chart." + (facets.isNone() ? "" : " A panel per " + Html.escape(facets.describe())
        + " (" + Html.escape(String.join(", ", facets.keys())) + "), all panels of a figure on the same axes; in a "
        + "panel, per arm and seed, the run with the best validation " + Html.escape(metric) + " over the remaining "
        + "selected axes."));
    boolean warmStart = set.runs().stream().anyMatch(r -> r.switchEpoch() >= 0);
    boolean banded = arms.stream().anyMatch(a -> a.runs().size() > 1);
    for (int g = 0; g < lineGroups.size(); g++) {
      List<String> group = lineGroups.get(g);
      page.subheading(String.join(" vs ", group)).legend(group, figures, banded, warmStart)
          .figures(figures.curves("group-" + (g + 1), facets, curvePanels.panels(group), metric));
    }
    page.heading("Spectra");
    page.note("Singular values of the embedding tables, largest first, averaged over seeds at each run's first, "
        + "end-of-warm, best and last epochs (log scale).");
    page.figures(figures.spectra(groups.stream().flatMap(List::stream).distinct().toList(), options.spectrumEpochs()));
    page.heading("Details");
    bestEpochs();
    timeToTarget();
    speedups(pairs);
    set.results().ifPresent(results -> page.details("Sweep results (results.json)", results));
    set.stats().ifPresent(stats -> page.details("Statistics (stats.json)", stats));
    page.manifests(set.runs());
    return page.finish();
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
    page.details("Selected epoch per run (" + set.runs().size() + " runs)", "The selected epoch has the best "
        + "validation " + Html.escape(metric) + "; its test metrics were computed once, after training. The switch "
        + "epoch is the first tune-phase epoch.", table);
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
    page.details("Time to best and to " + percent + " of best", "Epochs are counted from 1; seconds are training "
        + "plus evaluation since the start of the run, train seconds exclude evaluation.", table);
  }

  private void speedups(List<RunPair> pairs) {
    if (pairs.isEmpty()) {
      page.openDetails("Warm-start speed-ups per run pair").note("No warm-start run has a baseline here (a run of "
          + "the same config without train.warm-start).").closeDetails();
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
    page.details("Warm-start speed-ups per run pair", "Each cell reads baseline → warm start (change). Time to "
        + "best is to each run's own best; time to " + percent + " is to " + percent + " of the baseline's best "
        + "validation " + Html.escape(metric) + ", a target common to both runs. A reduction is positive when warm "
        + "start is faster.", table);
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
}
