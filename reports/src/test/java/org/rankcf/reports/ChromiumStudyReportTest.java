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
 * Opens the report of a quick-preset-shaped sweep in headless Chromium at 1,400 px and runs a probe after
 * the page's own script: no horizontal overflow, the comparison table first, every image decoded, a click on
 * a header sorts the rows both ways, every CSV link yields a table of the same shape, and no script error.
 */
class ChromiumStudyReportTest {
  private static final String ERROR_TRAP = "<script>window.addEventListener('error', function () {"
      + " var n = parseInt(document.documentElement.getAttribute('data-errors') || '0');"
      + " document.documentElement.setAttribute('data-errors', n + 1); });</script>\n";
  private static final String PROBE = """
      <script>
      window.addEventListener('load', function () {
        var out = document.createElement('div'), body = document.body;
        body.setAttribute('data-width', window.innerWidth);
        body.setAttribute('data-overflow', document.documentElement.scrollWidth > window.innerWidth);
        body.setAttribute('data-first-table', document.querySelector('table').id);
        var t = document.getElementById('findings'), mean = function () {
          return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.cells[3].textContent; }).join('|');
        };
        t.tHead.rows[0].cells[3].click();
        body.setAttribute('data-sorted-up', mean());
        t.tHead.rows[0].cells[3].click();
        body.setAttribute('data-sorted-down', mean());
        document.querySelectorAll('a.csv-link').forEach(function (link, k) {
          link.addEventListener('click', function (e) { e.preventDefault(); });
          link.dispatchEvent(new MouseEvent('click', {cancelable: true}));
          var pre = document.createElement('pre');
          pre.className = 'probe-csv';
          pre.setAttribute('data-rows', link.parentNode.previousElementSibling.querySelectorAll('tr').length);
          pre.textContent = decodeURIComponent(link.href.substring(link.href.indexOf(',') + 1));
          out.appendChild(pre);
        });
        body.appendChild(out);
        body.setAttribute('data-probe', 'done');
      });
      </script>
      """;
  private static final Pattern CSV_BLOCK = Pattern.compile("<pre class=\"probe-csv\" data-rows=\"(\\d+)\">(.*?)</pre>",
      Pattern.DOTALL);

  @TempDir Path tmp;

  @Test
  void theQuickShapedReportFitsSortsDownloadsAndDecodesAt1400Pixels() throws IOException, InterruptedException {
    HeadlessChromium.require();
    Path report = ReportWriter.write(StudyFixture.quick(Files.createDirectories(tmp.resolve("paper-quick"))));
    String html = Files.readString(report);
    int images = ReportWriterTest.images(html).size();
    Path probed = tmp.resolve("probed.html");
    Files.writeString(probed, html.replace("<style>", ERROR_TRAP + "<style>").replace("</body>", PROBE + "</body>"));

    String dom = HeadlessChromium.run(probed, tmp, "--window-size=1400,900", "--dump-dom");

    assertThat(dom).contains("data-probe=\"done\"", "data-width=\"1400\"", "data-overflow=\"false\"",
        "data-first-table=\"findings\"", "data-images-ok=\"" + images + "/" + images + "\"");
    assertThat(dom).doesNotContain("data-errors=\"");
    assertThat(sorted(attribute(dom, "data-sorted-up"))).isEqualTo(attribute(dom, "data-sorted-up"));
    assertThat(attribute(dom, "data-sorted-down")).isNotEqualTo(attribute(dom, "data-sorted-up"));
    List<String> up = List.of(attribute(dom, "data-sorted-up").split("\\|"));
    assertThat(List.of(attribute(dom, "data-sorted-down").split("\\|"))).containsExactlyElementsOf(reversed(up));

    Matcher m = CSV_BLOCK.matcher(dom);
    int tables = 0;
    while (m.find()) {
      List<List<String>> rows = Csv.parse(unescape(m.group(2)));
      assertThat(rows).hasSize(Integer.parseInt(m.group(1)));
      assertThat(rows).allSatisfy(r -> assertThat(r).hasSameSizeAs(rows.get(0)));
      if (tables == 0) {
        assertThat(rows.get(0).get(0)).isEqualTo("arm");
        assertThat(rows).hasSize(5);
      }
      tables++;
    }
    assertThat(tables).isEqualTo(html.split("<table", -1).length - 1).isGreaterThan(4);

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
    HeadlessChromium.require();
    Path report = ReportWriter.write(StudyFixture.twoDataSets(Files.createDirectories(tmp.resolve("two-data-sets"))));
    String html = Files.readString(report);
    int images = ReportWriterTest.images(html).size();
    Path probed = tmp.resolve("probed-grid.html");
    Files.writeString(probed, html.replace("<style>", ERROR_TRAP + "<style>").replace("</body>", LAYOUT_PROBE + "</body>"));

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

  private static int[] xy(String leftColonTop) {
    String[] parts = leftColonTop.split(":");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }

  private static String attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as(name).isTrue();
    return unescape(m.group(1));
  }

  private static String sorted(String joined) {
    List<String> values = new ArrayList<>(List.of(joined.split("\\|")));
    values.sort((a, b) -> Double.compare(Double.parseDouble(a.split(" ")[0]), Double.parseDouble(b.split(" ")[0])));
    return String.join("|", values);
  }

  private static List<String> reversed(List<String> values) {
    List<String> out = new ArrayList<>(values);
    java.util.Collections.reverse(out);
    return out;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }
}
