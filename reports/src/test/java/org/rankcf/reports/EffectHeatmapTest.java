package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class EffectHeatmapTest {
  private static EffectHeatmap grid(boolean higherIsBetter) {
    return new EffectHeatmap("effect <of> & treatment", "lr", "negatives", List.of("0.01", "0.1"), List.of("1", "4"),
        new double[][] {{10.0, -5.0}, {Double.NaN, 2.5}}, new boolean[][] {{true, false}, {false, false}},
        "a test, p < 0.05", "%", higherIsBetter);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void svgIsWellFormedWithOneRectPerCellAndEscapedText() throws Exception {
    Document doc = parse(grid(true).svg());
    NodeList rects = doc.getElementsByTagName("rect");
    assertThat(rects.getLength()).isEqualTo(1 + 4); // the background and four cells
    List<String> texts = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    assertThat(texts).contains("effect <of> & treatment", "+10.0% *", "-5.0%", "n/a", "+2.5%", "lr", "negatives",
        "0.01", "0.1", "1", "4", "* and heavy outline: a test, p < 0.05");
  }

  @Test
  void onlyMarkedCellsGetTheHeavyOutline() throws Exception {
    NodeList rects = parse(grid(true).svg()).getElementsByTagName("rect");
    int heavy = 0;
    for (int i = 1; i < rects.getLength(); i++) {
      Element rect = (Element) rects.item(i);
      if (rect.getAttribute("stroke").equals("black")) {
        heavy++;
        assertThat(rect.getAttribute("stroke-width")).isEqualTo("3");
      }
    }
    assertThat(heavy).isEqualTo(1);
  }

  @Test
  void coloursAreSymmetricAroundZeroAndFollowTheDirectionOfBetter() {
    EffectHeatmap up = grid(true);
    assertThat(up.scale()).isEqualTo(10.0);
    assertThat(up.fill(0.0)).isEqualTo(Color.WHITE);
    assertThat(up.fill(10.0)).isEqualTo(new Color(0x2166ac)); // full blue: the best cell
    assertThat(up.fill(-10.0)).isEqualTo(new Color(0xb2182b)); // full red
    assertThat(up.fill(5.0).getRed()).isEqualTo(Math.round(255 + (0x21 - 255) * 0.5f));
    EffectHeatmap down = grid(false); // e.g. epochs: fewer is better
    assertThat(down.fill(-10.0)).isEqualTo(new Color(0x2166ac));
    assertThat(down.fill(Double.NaN)).isEqualTo(new Color(0xdddddd));
  }

  @Test
  void shapesMustMatchTheLabels() {
    assertThatThrownBy(() -> new EffectHeatmap("t", "x", "y", List.of("a"), List.of("b", "c"), new double[][] {{1}},
        new boolean[][] {{false}}, "s", "%", true)).isInstanceOf(IllegalArgumentException.class);
  }
}
