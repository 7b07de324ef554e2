package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report of a quick-preset-shaped sweep in headless Chromium at 1,400 px ({@link PageProbe}): no
 * horizontal overflow, the comparison table first, every image decoded, a click on a header sorts the rows
 * both ways, every CSV link yields a table of the same shape, and no script error; and a sweep over two data
 * sets and two rates, whose small multiples must form a grid that fits.
 */
class ChromiumStudyReportTest {
  @TempDir Path tmp;

  @Test
  void theQuickShapedReportFitsSortsDownloadsAndDecodesAt1400Pixels() throws IOException, InterruptedException {
    Path report = reportOf(StudyFixture.quick(Files.createDirectories(tmp.resolve("paper-quick"))));
    String html = Files.readString(report);
    List<List<List<String>>> tables = PageProbe.open(report, tmp, "findings", 3)
        .assertFitsWithFirstTable("findings", ReportWriterTest.images(html).size())
        .assertSortedBothWays().csvTables();
    assertThat(tables.get(0).get(0).get(0)).isEqualTo("arm");
    assertThat(tables.get(0)).hasSize(5);
    assertThat(tables).hasSize(html.split("<table", -1).length - 1).hasSizeGreaterThan(4);

    Path screenshot = tmp.resolve("first-screen.png");
    HeadlessChromium.run(report, tmp, "--screenshot=" + screenshot, "--window-size=1400,900", "--hide-scrollbars");
    assertThat(Png.decode(Files.readAllBytes(screenshot)).getWidth()).isEqualTo(1400);
    Files.copy(screenshot, Path.of("target", "study-first-screen.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Where the panels of the first figure and the next figure sit on the page, after layout. */
  private static final String LAYOUT_PROBE = """
      <script>
      window.addEventListener('load', function () {
        var body = document.body, first = document.getElementById('group-1-validation-epoch');
        var where = function (e) { var r = e.getBoundingClientRect(); return Math.round(r.left) + ':' + Math.round(r.top); };
        body.setAttribute('data-overflow', document.documentElement.scrollWidth > window.innerWidth);
        body.setAttribute('data-panels', Array.prototype.map.call(first.querySelectorAll('img'), where).join(','));
        body.setAttribute('data-next', where(document.getElementById('group-1-validation-seconds')));
        body.setAttribute('data-first', where(first));
        body.setAttribute('data-probe', 'done');
      });
      </script>
      """;

  @Test
  void smallMultiplesOfTwoDataSetsByTwoRatesFormAGridThatFitsAt1400Pixels() throws IOException, InterruptedException {
    Path report = reportOf(StudyFixture.twoDataSets(Files.createDirectories(tmp.resolve("two-data-sets"))));
    String html = Files.readString(report);
    int images = ReportWriterTest.images(html).size();
    Path probed = tmp.resolve("probed-grid.html");
    Files.writeString(probed, html.replace("<style>", PageProbe.ERROR_TRAP + "<style>").replace("</body>", LAYOUT_PROBE + "</body>"));

    String dom = HeadlessChromium.run(probed, tmp, "--window-size=1400,900", "--dump-dom");

    assertThat(dom).contains("data-probe=\"done\"", "data-overflow=\"false\"",
        "data-images-ok=\"" + images + "/" + images + "\"").doesNotContain("data-errors=\"");
    // a row per data set, a column per rate: two lefts, two tops
    List<int[]> panels = List.of(attribute(dom, "data-panels").split(",")).stream().map(ChromiumStudyReportTest::xy)
        .toList();
    assertThat(panels).hasSize(4);
    assertThat(panels.get(0)[0]).isEqualTo(panels.get(2)[0]).isLessThan(panels.get(1)[0]);
    assertThat(panels.get(1)[0]).isEqualTo(panels.get(3)[0]);
    assertThat(panels.get(0)[1]).isEqualTo(panels.get(1)[1]).isLessThan(panels.get(2)[1]);
    // the next figure of the group stands beside the first, not below it
    int[] first = xy(attribute(dom, "data-first"));
    int[] next = xy(attribute(dom, "data-next"));
    assertThat(next[1]).isEqualTo(first[1]);
    assertThat(next[0]).isGreaterThan(panels.get(1)[0]);
  }

  /** The report of a fixture sweep, written once Chromium is known to be there to open it. */
  private static Path reportOf(Path sweep) {
    HeadlessChromium.require();
    return ReportWriter.write(sweep);
  }

  private static int[] xy(String leftColonTop) {
    String[] parts = leftColonTop.split(":");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }

  private static String attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }
}
