package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.Figures.Table;

class FiguresTest {
  @TempDir Path tmp;

  private List<Arm> arms() {
    new SyntheticRun().name("base").writeInto(tmp, "base");
    new SyntheticRun().name("warm").warm(1).writeInto(tmp, "warm");
    List<RunRecord> runs = RunReader.readFolder(tmp).runs();
    return List.of(new Arm("base", runs.subList(0, 1)), new Arm("warm", runs.subList(1, 2)));
  }

  private static XYChart stableRank(ArmFigures figures, List<Arm> arms, Table table) {
    return ArmFiguresTest.single(figures, arms, "stable rank", table::stableRank, "epoch", EpochRecord::epoch);
  }

  @Test
  void epochChartsMarkThePhaseSwitchBetweenTheLastWarmAndFirstTuneEpoch() {
    List<Arm> arms = arms();
    ArmFigures figures = ArmFiguresTest.figures(arms);
    for (XYChart chart : List.of(stableRank(figures, arms, Table.USER), stableRank(figures, arms, Table.ITEM),
        ArmFiguresTest.single(figures, arms, "loss", EpochRecord::loss, "epoch", EpochRecord::epoch))) {
      XYSeries marker = chart.getSeries(Figures.SWITCH_PREFIX + 2);
      assertThat(marker).isNotNull();
      assertThat(marker.getXMin()).isEqualTo(1.5);
      assertThat(marker.getXMax()).isEqualTo(1.5);
      // it spans the curves' range
      XYSeries curve = chart.getSeries("warm");
      assertThat(marker.getYMax()).isGreaterThanOrEqualTo(curve.getYMax());
      assertThat(marker.getYMin()).isLessThanOrEqualTo(curve.getYMin());
    }
    assertThat(stableRank(figures, arms, Table.USER).getSeries("base").getYMax())
        .isEqualTo(SyntheticRun.stableRank(SyntheticRun.spectrum(0, false)));
  }

  @Test
  void armsWithoutWarmStartHaveNoSwitchMarker() {
    List<Arm> base = arms().subList(0, 1);
    assertThat(stableRank(ArmFiguresTest.figures(base), base, Table.USER).getSeriesCollection())
        .extracting(XYSeries::getName).containsExactly("base");
  }

  @Test
  void spectraDefaultToFirstEndOfWarmBestAndLastOnALogAxis() {
    Arm warm = arms().get(1);
    XYChart items = ArmFiguresTest.figures(List.of(warm)).spectrumChart(warm, Table.ITEM, List.of());
    assertThat(items.getSeriesCollection()).extracting(XYSeries::getName).containsExactly("first", "end of warm", "best", "last");
    assertThat(items.getStyler().isYAxisLogarithmic()).isTrue();
    // a spectrum within two decades gets labels between the decades
    assertThat(items.getStyler().isYAxisLogarithmicDecadeOnly()).isFalse();
    XYSeries best = items.getSeries("best");
    // best epoch 4; the zero singular value cannot sit on a log axis and is left out
    assertThat(best.getXData()).containsExactly(1.0, 2.0, 3.0);
    assertThat(best.getYData()).containsExactly(3.4, 2.0, 1.0);
  }

  @Test
  void chosenSpectrumEpochsKeepThoseEverySeedReached() {
    Arm base = arms().get(0);
    XYChart users = ArmFiguresTest.figures(List.of(base)).spectrumChart(base, Table.USER, List.of(3, 0, 99));
    assertThat(users.getSeriesCollection()).extracting(XYSeries::getName).containsExactly("epoch 0", "epoch 3");
  }
}
