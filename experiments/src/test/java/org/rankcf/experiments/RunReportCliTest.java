package org.rankcf.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.reports.HeadlessChromium;

/** A real training run on the bundled Last.fm data writes the single-run report, and `report` rewrites it. */
class RunReportCliTest {
  @TempDir Path tmp;

  @Test
  void trainWithReportWritesHeadlineMetricsThenCurvesAndReportRewritesItWithAStdBand() throws Exception {
    CliRun train = CliRun.of("train", Path.of("configs/lastfm-mf-bpr.yaml").toString(),
        "--max-epochs", "3", "--report", "--out", tmp.toString());
    assertThat(train.code()).as(train.stderr()).isZero();
    List<String> lines = train.stdout().lines().toList();
    Path runDir = Path.of(lines.get(lines.size() - 1));
    Path report = runDir.resolve("report.html");
    assertThat(lines).contains("report: " + report);
    String html = Files.readString(report);
    assertThat(html).contains("<h1>rankcf run: lastfm-mf-bpr</h1>", "<b>Data</b> lastfm: 1892 users, 4489 items, 37922 train pairs; split given(seed=2024,validation=0.1)",
        "<b>Model</b> mf dim 64 · <b>Loss</b> bpr · <b>Optimiser</b> adam lr 0.005", " of 3 run (max-epochs)",
        "<table id=\"headline\">\n<thead><tr><th>metric</th><th>test@10</th><th>test@20</th><th>test@50</th>"
            + "<th>validation@10</th><th>validation@20</th><th>validation@50</th></tr>",
        "<summary>Every epoch (3)</summary>");
    assertThat(html.indexOf("id=\"headline\"")).isLessThan(html.indexOf("<img")).isPositive();
    int images = html.split("data:image/png;base64,", -1).length - 1;
    assertThat(images).isEqualTo(7);

    CliRun rewrite = CliRun.of("report", runDir.toString(), "--band", "std");
    assertThat(rewrite.code()).as(rewrite.stderr()).isZero();
    assertThat(rewrite.stdout().strip()).isEqualTo(report.toString());
    CliRun wrong = CliRun.of("report", runDir.toString(), "--band", "iqr");
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.stderr().strip()).isEqualTo("rankcf: --band: must be min-max or std (got 'iqr')");

    HeadlessChromium.require();
    HeadlessChromium.assertImagesDecoded(report, images, tmp);
  }
}
