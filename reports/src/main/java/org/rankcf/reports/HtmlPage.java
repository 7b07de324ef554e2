package org.rankcf.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The frame every report page shares: one inline style and script, headings, collapsed sections, figures and
 * legends. The page loads nothing: no external style, script, font or image. The script records on the body,
 * as {@code data-images-ok="decoded/total"}, how many images the browser could decode, makes every table
 * sortable and adds a link that downloads it as CSV.
 */
final class HtmlPage {
  private static final String STYLE = """
      body{font-family:sans-serif;margin:20px auto;max-width:1340px;padding:0 16px;color:#222;line-height:1.4}
      h1{font-size:1.5em;margin-bottom:4px}h2{margin-top:1.6em;border-bottom:1px solid #ccc;font-size:1.25em}
      h3{font-size:1em;margin:1em 0 4px}.lead{margin:4px 0 12px}
      table{border-collapse:collapse;margin:8px 0 4px;font-size:0.85em}
      th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}
      th{background:#f2f2f2;cursor:pointer;user-select:none}th[data-sort]::after{content:attr(data-sort)}
      td:first-child,th:first-child{text-align:left}td.sig{background:#e6f4ea}
      .scroll{overflow-x:auto;max-width:100%}.csv{font-size:0.8em;margin:0 0 14px}
      .figures{display:flex;flex-wrap:wrap;gap:12px 14px;align-items:flex-start}
      figure{margin:0;max-width:100%}.panels{display:grid;gap:8px}
      img{width:100%;height:auto;border:1px solid #eee;display:block}
      figcaption{font-size:0.85em;color:#555}pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:0.8em}
      details{margin:6px 0}summary{cursor:pointer;font-weight:bold}.note{color:#555;font-size:0.9em}
      .legend{font-size:0.85em;margin:2px 0 8px}.key{margin-right:14px;white-space:nowrap}
      .key i{display:inline-block;width:22px;height:0;border-top:3px solid;vertical-align:middle;margin-right:5px}
      .key i.band{height:10px;border:0;background:#bbb;opacity:0.6}.key i.switch{border-top:2px dashed #000}
      .facts{font-size:1.05em;margin:6px 0 10px}.facts b{font-size:1.1em}
      """;
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

  private final StringBuilder html = new StringBuilder(1 << 16);

  /** Opens the page with its title as the first heading. */
  HtmlPage(String title) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(Html.escape(title)).append("</h1>\n");
  }

  /** The page's markup so far, for the parts that write themselves (findings, JSON tables). */
  StringBuilder html() {
    return html;
  }

  /** Closes the page (script last, so that it sees every table) and returns it. */
  String finish() {
    html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  HtmlPage heading(String title) {
    html.append("<h2>").append(Html.escape(title)).append("</h2>\n");
    return this;
  }

  HtmlPage subheading(String title) {
    html.append("<h3>").append(Html.escape(title)).append("</h3>\n");
    return this;
  }

  /** A paragraph of grey explanatory text, given as markup. */
  HtmlPage note(String markup) {
    html.append("<p class=\"note\">").append(markup).append("</p>\n");
    return this;
  }

  /** One key per arm (its colour), then the band (when some arm has several seeds) and the switch marker. */
  HtmlPage legend(List<String> arms, ArmFigures figures, boolean banded, boolean warmStart) {
    html.append("<p class=\"legend\">");
    for (String arm : arms) {
      Color c = figures.colour(arm);
      html.append("<span class=\"key\"><i style=\"border-color:")
          .append(String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff)).append("\"></i>")
          .append(Html.escape(arm)).append("</span>");
    }
    if (banded) {
      html.append("<span class=\"key\"><i class=\"band\"></i>shaded: ").append(Html.escape(figures.band().legend()))
          .append("</span>");
    }
    if (warmStart) {
      html.append("<span class=\"key\"><i class=\"switch\"></i>switch from warm to tune phase</span>");
    }
    html.append("</p>\n");
    return this;
  }

  /** Figures side by side; a figure of panels lays them out in its own grid. */
  HtmlPage figures(List<Figure> figures) {
    html.append("<div class=\"figures\">\n");
    Base64.Encoder base64 = Base64.getEncoder();
    for (Figure figure : figures) {
      int panelWidth = figure.panels().get(0).width();
      int columns = Math.min(figure.columns(), figure.panels().size());
      html.append("<figure id=\"").append(Html.escape(figure.id())).append("\" style=\"width:")
          .append(columns * panelWidth + (columns - 1) * ArmFigures.GAP).append("px\">\n<div class=\"panels\" style=\"")
          .append("grid-template-columns:repeat(").append(columns).append(",minmax(0,1fr))\">\n");
      for (Figure.Panel panel : figure.panels()) {
        String alt = figure.title() + (panel.label().isEmpty() ? "" : ", " + panel.label());
        html.append("<img src=\"data:image/png;base64,").append(base64.encodeToString(panel.png())).append("\" alt=\"")
            .append(Html.escape(alt)).append("\" width=\"").append(panel.width()).append("\" height=\"")
            .append(panel.height()).append("\">\n");
      }
      html.append("</div>\n<figcaption><b>").append(Html.escape(figure.title())).append("</b>")
          .append(figure.caption().isEmpty() ? "" : " · " + Html.escape(figure.caption()))
          .append("</figcaption>\n</figure>\n");
    }
    html.append("</div>\n");
    return this;
  }

  /** A collapsed section holding a table, with a note above it (markup). */
  HtmlPage details(String title, String noteMarkup, HtmlTable table) {
    openDetails(title);
    if (!noteMarkup.isEmpty()) {
      note(noteMarkup);
    }
    html.append("<div class=\"scroll\">\n");
    table.appendTo(html);
    html.append("</div>\n</details>\n");
    return this;
  }

  /** A collapsed section rendering a JSON file (results.json, stats.json) as tables. */
  HtmlPage details(String title, JsonNode content) {
    openDetails(title);
    html.append("<div class=\"scroll\">\n");
    JsonTables.render(html, content, 0);
    html.append("</div>\n</details>\n");
    return this;
  }

  /** A collapsed section per run holding its manifest, all inside one collapsed section. */
  HtmlPage manifests(List<RunRecord> runs) {
    openDetails(runs.size() == 1 ? "Manifest" : "Manifests (" + runs.size() + ")");
    for (RunRecord run : runs) {
      html.append("<details>\n<summary>").append(Html.escape(run.label())).append(": ")
          .append(Html.escape(run.directory().getFileName().toString())).append("/manifest.json</summary>\n<pre>")
          .append(Html.escape(run.manifest().toPrettyString())).append("</pre>\n</details>\n");
    }
    html.append("</details>\n");
    return this;
  }

  HtmlPage openDetails(String title) {
    html.append("<details>\n<summary>").append(Html.escape(title)).append("</summary>\n");
    return this;
  }

  HtmlPage closeDetails() {
    html.append("</details>\n");
    return this;
  }
}
