package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a report in headless Chromium with a probe after the page's own script, and reads what the probe wrote
 * onto the body: the window's width, horizontal overflow, the id of the first table, the image count, one
 * table's column sorted up and then down by clicks on its header, and every table's CSV download. A script
 * error anywhere on the page is counted onto the root element.
 */
final class PageProbe {
  static final String ERROR_TRAP = "<script>window.addEventListener('error', function () {"
      + " var n = parseInt(document.documentElement.getAttribute('data-errors') || '0');"
      + " document.documentElement.setAttribute('data-errors', n + 1); });</script>\n";
  private static final String PROBE = """
      <script>
      window.addEventListener('load', function () {
        var out = document.createElement('div'), body = document.body;
        body.setAttribute('data-width', window.innerWidth);
        body.setAttribute('data-overflow', document.documentElement.scrollWidth > window.innerWidth);
        body.setAttribute('data-first-table', document.querySelector('table').id);
        var t = document.getElementById('TABLE'), column = function () {
          return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.cells[COLUMN].textContent; }).join('|');
        };
        t.tHead.rows[0].cells[COLUMN].click();
        body.setAttribute('data-sorted-up', column());
        t.tHead.rows[0].cells[COLUMN].click();
        body.setAttribute('data-sorted-down', column());
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

  private final String dom;

  private PageProbe(String dom) {
    this.dom = dom;
  }

  /** Opens the report at 1,400 x 900 pixels, sorting column {@code column} of table {@code tableId}. */
  static PageProbe open(Path report, Path scratch, String tableId, int column) throws IOException, InterruptedException {
    String probe = PROBE.replace("TABLE", tableId).replace("COLUMN", Integer.toString(column));
    Path probed = scratch.resolve("probed-" + report.getParent().getFileName() + ".html");
    Files.writeString(probed, Files.readString(report).replace("<style>", ERROR_TRAP + "<style>")
        .replace("</body>", probe + "</body>"));
    return new PageProbe(HeadlessChromium.run(probed, scratch, "--window-size=1400,900", "--dump-dom"));
  }

  /** The page fits 1,400 pixels, its first table is {@code firstTable}, every image decoded, no script failed. */
  PageProbe assertFitsWithFirstTable(String firstTable, int images) {
    assertThat(dom).contains("data-probe=\"done\"", "data-width=\"1400\"", "data-overflow=\"false\"",
        "data-first-table=\"" + firstTable + "\"", "data-images-ok=\"" + images + "/" + images + "\"");
    assertThat(dom).doesNotContain("data-errors=\"");
    return this;
  }

  /** The first click sorted the column ascending by its leading number, the second reversed it. */
  PageProbe assertSortedBothWays() {
    List<String> up = List.of(attribute("data-sorted-up").split("\\|"));
    List<String> ascending = new ArrayList<>(up);
    ascending.sort((a, b) -> Double.compare(Double.parseDouble(a.split(" ")[0]), Double.parseDouble(b.split(" ")[0])));
    assertThat(up).containsExactlyElementsOf(ascending);
    List<String> reversed = new ArrayList<>(up);
    Collections.reverse(reversed);
    assertThat(attribute("data-sorted-down")).isNotEqualTo(attribute("data-sorted-up"));
    assertThat(List.of(attribute("data-sorted-down").split("\\|"))).containsExactlyElementsOf(reversed);
    return this;
  }

  /** Every table's CSV download, parsed; each has the table's row count and rectangular rows. */
  List<List<List<String>>> csvTables() {
    List<List<List<String>>> tables = new ArrayList<>();
    Matcher m = CSV_BLOCK.matcher(dom);
    while (m.find()) {
      List<List<String>> rows = Csv.parse(unescape(m.group(2)));
      assertThat(rows).hasSize(Integer.parseInt(m.group(1)));
      assertThat(rows).allSatisfy(r -> assertThat(r).hasSameSizeAs(rows.get(0)));
      tables.add(rows);
    }
    return tables;
  }

  String attribute(String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as(name).isTrue();
    return unescape(m.group(1));
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }
}
