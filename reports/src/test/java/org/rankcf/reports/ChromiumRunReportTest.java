package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a single run's report in headless Chromium at 1,400 px ({@link PageProbe}): no horizontal overflow,
 * the headline metrics as the first table, every image decoded, the per-epoch table sorts both ways, every
 * CSV link yields a table of the same shape, and no script error.
 */
class ChromiumRunReportTest {
  @TempDir Path tmp;

  @Test
  void aSingleRunReportFitsSortsDownloadsAndDecodesAt1400Pixels() throws IOException, InterruptedException {
    HeadlessChromium.require();
    double[] ndcg = new double[30];
    for (int e = 0; e < ndcg.length; e++) {
      ndcg[e] = 0.3 * (1 - Math.exp(-0.3 * (e + 1))) - 0.002 * Math.max(0, e - 20);
    }
    Path run = new SyntheticRun().name("lastfm-mf-bpr <warm>").warm(4).ndcg(ndcg).writeInto(tmp, "run");
    Path report = ReportWriter.write(run);
    String html = Files.readString(report);
    int images = ReportWriterTest.images(html).size();
    assertThat(images).isEqualTo(7);

    // column 5 of the per-epoch table: epoch, phase, loss, the two terms, then validation ndcg@20
    List<List<List<String>>> tables = PageProbe.open(report, tmp, "epochs", 5)
        .assertFitsWithFirstTable("headline", images).assertSortedBothWays().csvTables();
    assertThat(tables).hasSize(2);
    assertThat(tables.get(0).get(0)).containsExactly("metric", "test@20", "validation@20");
    assertThat(tables.get(1)).hasSize(31);
    assertThat(tables.get(1).get(0).get(5)).isEqualTo("validation ndcg@20");

    Path screenshot = tmp.resolve("run-first-screen.png");
    HeadlessChromium.run(report, tmp, "--screenshot=" + screenshot, "--window-size=1400,900", "--hide-scrollbars");
    assertThat(Png.decode(Files.readAllBytes(screenshot)).getWidth()).isEqualTo(1400);
    Files.copy(screenshot, Path.of("target", "run-first-screen.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
