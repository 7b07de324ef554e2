package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.ArmFigures.SeedSummary;

class ArmFiguresTest {
  @TempDir Path tmp;

  private RunRecord run(String folder, double... ndcg) {
    return RunReader.read(new SyntheticRun().ndcg(ndcg).writeInto(tmp, folder));
  }

  @Test
  void seedSummaryAveragesEachEpochThatEverySeedReached() {
    List<RunRecord> seeds = List.of(run("a", 0.1, 0.3, 0.5), run("b", 0.3, 0.1), run("c", 0.2, 0.2, 0.2));
    SeedSummary s = SeedSummary.of(seeds, EpochRecord::epoch, e -> e.validation().get("ndcg@20"));
    assertThat(s.x()).containsExactly(0, 1);
    assertThat(s.mean()).containsExactly(new double[] {0.2, 0.2}, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.min()).containsExactly(0.1, 0.1);
    assertThat(s.max()).containsExactly(0.3, 0.3);
    // the band's outline runs forwards along the maxima and back along the minima
    assertThat(s.bandX()).containsExactly(0, 1, 1, 0);
    assertThat(s.bandY()).containsExactly(0.3, 0.3, 0.1, 0.1);
  }

  @Test
  void anArmKeepsItsColourInEveryPanelAndPngsHaveTheSmallSize() {
    Arm first = new Arm("first", List.of(run("a", 0.1, 0.3), run("b", 0.2, 0.4)));
    Arm second = new Arm("second", List.of(run("c", 0.2, 0.5)));
    ArmFigures figures = new ArmFigures(List.of(first, second));
    List<Figure> alone = figures.curves("g", List.of(second), "ndcg@20");
    List<Figure> both = figures.curves("g", List.of(first, second), "ndcg@20");
    assertThat(alone).hasSize(5);
    assertThat(both).hasSize(5);
    both.forEach(f -> {
      var image = Png.decode(f.png());
      assertThat(image.getWidth()).isEqualTo(ArmFigures.WIDTH);
      assertThat(image.getHeight()).isEqualTo(ArmFigures.HEIGHT);
    });
    XYChart chart = figures.chart(List.of(second, first), "ndcg", e -> e.validation().get("ndcg@20"), "epoch",
        EpochRecord::epoch);
    assertThat(chart.getSeries("second").getLineColor()).isEqualTo(Figures.PALETTE[1]);
    assertThat(chart.getSeries("first").getLineColor()).isEqualTo(Figures.PALETTE[0]);
    Color band = chart.getSeries("first min-max").getFillColor();
    assertThat(band.getRGB() & 0xffffff).isEqualTo(Figures.PALETTE[0].getRGB() & 0xffffff);
    assertThat(chart.getSeries("second min-max")).isNull();
  }

  @Test
  void spectraAverageTheSeedsAtEachRolesEpoch() {
    Arm arm = new Arm("arm", List.of(run("a", 0.1, 0.3, 0.2), run("b", 0.1, 0.2, 0.3)));
    List<Figure> spectra = new ArmFigures(List.of(arm)).spectra(List.of(arm), List.of());
    assertThat(spectra).extracting(Figure::id).containsExactly("spectrum-1-user", "spectrum-1-item");
    // best epochs 1 and 2: sigma_1 = 3 + 0.1 epoch averages to 3.15
    assertThat(new ArmFigures(List.of(arm)).spectrumChart(arm, Figures.Table.USER, List.of())
        .getSeries("best").getYData()[0]).isCloseTo(3.15, org.assertj.core.data.Offset.offset(1e-12));
  }
}
