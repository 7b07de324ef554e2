package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.schema.RunMetrics;

/**
 * The report of a single run, in the order a reader asks: what was run and how it ended (the selected epoch's
 * test and validation metrics, epochs, seconds), then the curves and spectra, then the details (per-epoch
 * table, config, manifest) collapsed.
 */
final class RunReport {
  private final RunRecord run;
  private final ReportOptions options;
  private final HtmlPage page;

  private RunReport(RunRecord run, ReportOptions options) {
    this.run = run;
    this.options = options;
    this.page = new HtmlPage("rankcf run: " + run.name());
  }

  static String render(RunRecord run, ReportOptions options) {
    return new RunReport(run, options).page();
  }

  private String page() {
    summary();
    facts();
    headline().appendTo(page.html());
    page.note("Metrics at the selected epoch, the one with the best validation " + Html.escape(run.selectionMetric())
        + "; test metrics were computed once, for that epoch alone.");
    Arm arm = new Arm(run.label(), List.of(run));
    ArmFigures figures = new ArmFigures(List.of(arm.name()), options.band());
    page.heading("Curves").legend(List.of(arm.name()), figures, false, run.switchEpoch() >= 0)
        .figures(figures.curves("run", List.of(arm), run.selectionMetric()));
    page.heading("Spectra").note("Singular values of the embedding tables, largest first, at the first, "
        + "end-of-warm, selected and last epochs (log scale).").figures(figures.spectra(List.of(arm),
        options.spectrumEpochs()));
    page.heading("Details");
    page.details("Every epoch (" + run.trajectory().size() + ")", "Loss and terms are means over the epoch's "
        + "steps; seconds are the epoch's own, elapsed counts training and evaluation since the start.", epochs());
    page.openDetails("Config");
    page.html().append("<pre>").append(Html.escape(run.config().toPrettyString())).append("</pre>\n");
    page.closeDetails();
    page.manifests(List.of(run));
    return page.finish();
  }

  /** Data, model, loss, warm start, seed, selection: one line. */
  private void summary() {
    JsonNode data = run.manifest().path("data");
    JsonNode config = run.config();
    JsonNode train = config.path("train");
    StringBuilder line = new StringBuilder("<p class=\"lead\">").append(Html.data(data)).append(" · <b>Model</b> ")
        .append(Html.escape(config.path("model").path("name").asText("?"))).append(" dim ")
        .append(Html.escape(config.path("model").path("dim").asText("?"))).append(" · <b>Loss</b> ")
        .append(Html.escape(nameOf(train.path("loss")))).append(" · <b>Optimiser</b> ")
        .append(Html.escape(train.path("optimizer").path("name").asText("adam")));
    if (train.path("optimizer").has("lr")) {
      line.append(" lr ").append(Html.escape(train.path("optimizer").path("lr").asText()));
    }
    if (run.warmStart()) {
      JsonNode warm = train.path("warm-start");
      List<String> terms = new ArrayList<>();
      if (warm.has("loss")) {
        terms.add(nameOf(warm.path("loss")));
      }
      warm.path("regularizers").forEach(r -> terms.add(nameOf(r)));
      line.append(" · <b>Warm start</b> ").append(Html.escape(warm.path("epochs").asText("?"))).append(" epochs")
          .append(terms.isEmpty() ? "" : " of " + Html.escape(String.join(" + ", terms)));
    }
    line.append(" · <b>Seed</b> ").append(Html.escape(run.manifest().path("seed").asText("?")))
        .append(" · <b>Selection</b> best validation ").append(Html.escape(run.selectionMetric())).append(".</p>\n");
    page.html().append(line);
  }

  /** How the run ended: selected epoch, epochs run and why, seconds, stable ranks. */
  private void facts() {
    RunMetrics m = run.metrics();
    EpochRecord best = run.best();
    double seconds = run.last().elapsedSeconds();
    TimeToTarget target = TimeToTarget.of(run.trajectory(), run.selectionMetric(), options.targetFraction());
    page.html().append("<p class=\"facts\">Selected epoch <b>").append(m.bestEpoch()).append("</b> of ")
        .append(m.epochsRun()).append(" run (").append(Html.escape(m.stopReason())).append(") · <b>")
        .append(Html.fixed(best.validation().getOrDefault(run.selectionMetric(), Double.NaN), 4))
        .append("</b> validation ").append(Html.escape(run.selectionMetric())).append(", <b>")
        .append(Html.fixed(m.test().getOrDefault(run.selectionMetric(), Double.NaN), 4)).append("</b> test · <b>")
        .append(Html.fixed(seconds, 1)).append(" s</b> (training ").append(Html.fixed(m.trainSeconds(), 1))
        .append(" s, evaluation ").append(Html.fixed(m.evalSeconds(), 1)).append(" s; ")
        .append(Html.fixed(m.secondsToBest(), 1)).append(" s to the selected epoch, ")
        .append(Html.fixed(target.toFraction().elapsedSeconds(), 1)).append(" s (").append(target.toFraction().epochs())
        .append(" epochs) to ").append(Html.fixed(100 * options.targetFraction(), 0)).append("% of its best)");
    if (run.switchEpoch() >= 0) {
      page.html().append(" · switch to the tune phase at epoch ").append(run.switchEpoch());
    }
    page.html().append(" · stable rank at the selected epoch: user ").append(Html.fixed(best.userStableRank(), 2))
        .append(", item ").append(Html.fixed(best.itemStableRank(), 2)).append("</p>\n");
  }

  /**
   * A row per metric (the selection metric's first), a column per cutoff K for test and then for validation,
   * so that 18 metrics fit in a narrow table.
   */
  HtmlTable headline() {
    Map<String, Double> test = run.metrics().test();
    Map<String, Double> validation = run.metrics().validation().isEmpty() ? run.best().validation()
        : run.metrics().validation();
    Set<String> names = new LinkedHashSet<>();
    names.add(name(run.selectionMetric()));
    test.keySet().forEach(k -> names.add(name(k)));
    validation.keySet().forEach(k -> names.add(name(k)));
    TreeSet<Integer> testKs = cutoffs(test.keySet());
    TreeSet<Integer> validationKs = cutoffs(validation.keySet());
    List<String> headers = new ArrayList<>(List.of("metric"));
    testKs.forEach(k -> headers.add("test" + at(k)));
    validationKs.forEach(k -> headers.add("validation" + at(k)));
    HtmlTable table = new HtmlTable(headers).id("headline");
    for (String name : names) {
      List<String> cells = new ArrayList<>(List.of(name));
      testKs.forEach(k -> cells.add(value(test, name + at(k))));
      validationKs.forEach(k -> cells.add(value(validation, name + at(k))));
      table.row(cells);
    }
    return table;
  }

  private HtmlTable epochs() {
    Set<String> terms = new LinkedHashSet<>();
    Set<String> metrics = new LinkedHashSet<>();
    run.trajectory().forEach(e -> {
      terms.addAll(e.terms().keySet());
      metrics.addAll(e.validation().keySet());
    });
    List<String> headers = new ArrayList<>(List.of("epoch", "phase", "loss"));
    terms.forEach(t -> headers.add("term " + t));
    metrics.forEach(m -> headers.add("validation " + m));
    headers.addAll(List.of("user srank", "item srank", "user erank", "item erank", "train s", "eval s", "elapsed s"));
    HtmlTable table = new HtmlTable(headers).id("epochs");
    for (EpochRecord e : run.trajectory()) {
      List<String> cells = new ArrayList<>(List.of(Integer.toString(e.epoch()), e.phase(), Html.fixed(e.loss(), 5)));
      terms.forEach(t -> cells.add(Html.fixed(e.terms().getOrDefault(t, Double.NaN), 5)));
      metrics.forEach(m -> cells.add(Html.fixed(e.validation().getOrDefault(m, Double.NaN), 4)));
      cells.addAll(List.of(Html.fixed(e.userStableRank(), 2), Html.fixed(e.itemStableRank(), 2),
          Html.fixed(e.userEffectiveRank(), 2), Html.fixed(e.itemEffectiveRank(), 2), Html.fixed(e.trainSeconds(), 2),
          Html.fixed(e.evalSeconds(), 2), Html.fixed(e.elapsedSeconds(), 1)));
      table.row(cells);
    }
    return table;
  }

  /** A plug-in section's name: the string itself, or its {@code name} key. */
  private static String nameOf(JsonNode section) {
    return section.isTextual() ? section.asText() : section.path("name").asText("?");
  }

  /** "ndcg" of "ndcg@20"; a metric without a cutoff is its own name. */
  private static String name(String metric) {
    int at = metric.lastIndexOf('@');
    return at < 0 ? metric : metric.substring(0, at);
  }

  /** The cutoffs of the metrics, -1 standing for a metric without one. */
  private static TreeSet<Integer> cutoffs(Set<String> metrics) {
    TreeSet<Integer> ks = new TreeSet<>();
    for (String metric : metrics) {
      int at = metric.lastIndexOf('@');
      try {
        ks.add(at < 0 ? -1 : Integer.parseInt(metric.substring(at + 1)));
      } catch (NumberFormatException e) {
        ks.add(-1);
      }
    }
    return ks;
  }

  private static String at(int k) {
    return k < 0 ? "" : "@" + k;
  }

  private static String value(Map<String, Double> metrics, String key) {
    Double value = metrics.get(key);
    return value == null ? "" : Html.fixed(value, 4);
  }
}
