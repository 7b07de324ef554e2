package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.rankcf.reports.Figures.Table;

class FiguresTest {
  @TempDir Path tmp;

  private List<RunRecord> runs() {
    new SyntheticRun().name("base").writeInto(tmp, "base");
    new SyntheticRun().name("warm").warm(1).writeInto(tmp, "warm");
    return RunReader.readFolder(tmp).runs();
  }

  @Test
  void everyFigureIsAPngOfTheFixedSize() {
    List<Figure> figures = Figures.forRuns(runs(), "ndcg@20", List.of());
    assertThat(figures).extracting(Figure::id).containsExactly("validation-by-epoch", "validation-by-time", "loss",
        "stable-rank-user", "stable-rank-item", "spectrum-user-1", "spectrum-item-1", "spectrum-user-2",
        "spectrum-item-2");
    for (Figure figure : figures) {
      BufferedImage image = Png.decode(figure.png());
      assertThat(image.getWidth()).isEqualTo(Figures.WIDTH);
      assertThat(image.getHeight()).isEqualTo(Figures.HEIGHT);
    }
  }

  @Test
  void epochChartsMarkThePhaseSwitchBetweenTheLastWarmAndFirstTuneEpoch() {
    List<RunRecord> runs = runs();
    for (XYChart chart : List.of(Figures.stableRank(runs, Table.USER), Figures.stableRank(runs, Table.ITEM),
        Figures.validationByEpoch(runs, "ndcg@20"), Figures.lossByEpoch(runs))) {
      XYSeries marker = chart.getSeries(Figures.SWITCH_PREFIX + 2);
      assertThat(marker).as(chart.getTitle()).isNotNull();
      assertThat(marker.getXMin()).isEqualTo(1.5);
      assertThat(marker.getXMax()).isEqualTo(1.5);
      // it spans the curves' range
      XYSeries curve = chart.getSeries("warm");
      assertThat(marker.getYMax()).isGreaterThanOrEqualTo(curve.getYMax());
      assertThat(marker.getYMin()).isLessThanOrEqualTo(curve.getYMin());
    }
    assertThat(Figures.stableRank(runs, Table.USER).getSeries("base").getYMax())
        .isEqualTo(SyntheticRun.stableRank(SyntheticRun.spectrum(0, false)));
  }

  @Test
  void runsWithoutWarmStartHaveNoSwitchMarker() {
    List<RunRecord> base = runs().subList(0, 1);
    assertThat(Figures.stableRank(base, Table.USER).getSeriesCollection()).extracting(XYSeries::getName)
        .containsExactly("base");
  }

  @Test
  void spectraDefaultToFirstEndOfWarmBestAndLastOnALogAxis() {
    RunRecord warm = runs().get(1);
    Map<Integer, String> epochs = Figures.defaultSpectrumEpochs(warm);
    assertThat(epochs).containsExactly(Map.entry(0, "first"), Map.entry(1, "end of warm"), Map.entry(4, "best"),
        Map.entry(5, "last"));

    XYChart items = Figures.spectra(warm, Table.ITEM, epochs);
    assertThat(items.getStyler().isYAxisLogarithmic()).isTrue();
    // a spectrum within two decades gets labels between the decades
    assertThat(items.getStyler().isYAxisLogarithmicDecadeOnly()).isFalse();
    XYSeries best = items.getSeries("epoch 4 (best)");
    // the zero singular value cannot sit on a log axis and is left out
    assertThat(best.getXData()).containsExactly(1.0, 2.0, 3.0);
    assertThat(best.getYData()).containsExactly(3.4, 2.0, 1.0);
  }

  @Test
  void sharedEpochsJoinTheirRoles() {
    new SyntheticRun().name("peaks-last").ndcg(0.1, 0.2, 0.3).writeInto(tmp, "run");
    RunRecord run = RunReader.read(tmp.resolve("run"));
    assertThat(Figures.defaultSpectrumEpochs(run)).containsExactly(Map.entry(0, "first"), Map.entry(2, "best, last"));
  }

  @Test
  void chosenSpectrumEpochsKeepThoseTheRunHas() {
    RunRecord base = runs().get(0);
    assertThat(Figures.spectrumEpochs(base, List.of(3, 0, 99))).containsExactly(Map.entry(0, "chosen"),
        Map.entry(3, "chosen"));
    assertThat(Figures.spectrumEpochs(base, List.of())).isEqualTo(Figures.defaultSpectrumEpochs(base));
  }
}
