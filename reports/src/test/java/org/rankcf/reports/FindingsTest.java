package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsTest {
  @TempDir static Path sweep;
  private static String html;

  @BeforeAll
  static void writeTheQuickShapedReport() throws IOException {
    html = Files.readString(ReportWriter.write(StudyFixture.quick(sweep)));
  }

  @Test
  void theComparisonTableIsTheFirstTableAndSaysWhatWasRun() {
    assertThat(html.indexOf("<table")).isEqualTo(html.indexOf("<table id=\"findings\""));
    assertThat(html.substring(0, html.indexOf("<table"))).contains("<b>24 runs</b>",
        "<b>Arms</b> bpr, bpr+sr, directau, directau+sr", "<b>Seeds</b> 123, 246, 492",
        "best validation ndcg@20 over train.optimizer.lr per arm and seed",
        // each seed re-draws the split: the lead line names every split, not the first run's
        "<b>Data</b> lastfm: 1892 users, 17632 items, 74000 train pairs; split paper(seed=123,0.8/0.1/0.1) / "
            + "paper(seed=246,0.8/0.1/0.1) / paper(seed=492,0.8/0.1/0.1)");
  }

  @Test
  void anArmRowHoldsItsSelectedConfigMeanAndSampleStdOverSeeds() {
    // selected rate 0.1: best ndcg (0.2 + 0.01 (seed mod 7)) (1 - e^-10) for seed mod 7 = 4, 1, 2; test = 0.9 x best
    double scale = 0.9 * (1 - Math.exp(-10));
    String mean = Html.fixed((0.24 + 0.21 + 0.22) / 3 * scale, 4);
    String std = Html.fixed(Math.sqrt((Math.pow(0.24 - 0.67 / 3, 2) + Math.pow(0.21 - 0.67 / 3, 2)
        + Math.pow(0.22 - 0.67 / 3, 2)) / 2) * scale, 4);
    assertThat(mean).isEqualTo("0.2010");
    assertThat(std).isEqualTo("0.0137");
    assertThat(html).contains("<tr><td>bpr</td><td>lr 0.1</td><td>3</td><td>" + mean + " ± " + std + "</td>");
  }

  @Test
  void aComparedArmShowsChangePValuesWithAStarBelowFivePercentAndSpeedups() {
    assertThat(html).contains("<td>baseline</td><td></td><td></td>",
        "<td>+1.23%</td><td class=\"sig\"><b>0.012*</b></td><td>0.500</td>"
            + "<td>-0.50%</td><td>0.200</td><td class=\"sig\"><b>4.0e-05*</b></td>"
            + "<td>42.0% less</td><td>10.0% more</td></tr>");
  }

  @Test
  void curvesComeByComparedPairAndSpectraByArm() {
    assertThat(html).contains("<h3>bpr vs bpr+sr</h3>", "<h3>directau vs directau+sr</h3>")
        .doesNotContain("r001-bpr-seed123-lr0.01</h3>");
    // five curves per pair, each a panel per learning rate; two spectra per arm
    assertThat(ReportWriterTest.images(html)).hasSize(2 * 5 * 2 + 4 * 2);
    assertThat(html).contains("alt=\"Training loss, lr 0.1\"", "alt=\"Training loss, lr 0.01\"");
  }
}
