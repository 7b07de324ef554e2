package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.reports.ArmFigures.SeedSummary;

class ArmFiguresTest {
  @TempDir Path tmp;

  /** The one chart the report draws of these arms where a sweep has no small multiples. */
  static XYChart single(ArmFigures figures, List<Arm> arms, String yTitle, ToDoubleFunction<EpochRecord> y,
      String xTitle, ToDoubleFunction<EpochRecord> x) {
    return figures.panelCharts(Facets.none(), List.of(arms), new ArmFigures.Curve("c", "chart", yTitle, y, xTitle, x))
        .get(0);
  }

  /** The figures of these arms, coloured in their order, with min-max bands. */
  static ArmFigures figures(List<Arm> arms) {
    return new ArmFigures(arms.stream().map(Arm::name).toList(), Band.MIN_MAX);
  }

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
    assertThat(s.bandY(Band.MIN_MAX)).containsExactly(0.3, 0.3, 0.1, 0.1);
    // sample std of {0.1, 0.3, 0.2} and of {0.3, 0.1, 0.2} is 0.1: mean ± std is 0.3 above and 0.1 below
    assertThat(s.std()).containsExactly(new double[] {0.1, 0.1}, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.bandY(Band.STD)).containsExactly(new double[] {0.3, 0.3, 0.1, 0.1},
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theStdBandIsNarrowerThanMinMaxWhenOneSeedStraysAndTheLegendSaysWhichItIs() {
    List<RunRecord> seeds = List.of(run("a", 0.2, 0.2), run("b", 0.2, 0.2), run("c", 0.2, 0.5));
    SeedSummary s = SeedSummary.of(seeds, EpochRecord::epoch, e -> e.validation().get("ndcg@20"));
    // epoch 1: values 0.2, 0.2, 0.5: mean 0.3, sample std sqrt(((0.1)^2 * 2 + 0.2^2) / 2) = sqrt(0.03)
    assertThat(s.bandY(Band.STD)[1]).isCloseTo(0.3 + Math.sqrt(0.03), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.bandY(Band.MIN_MAX)[1]).isEqualTo(0.5);
    Arm arm = new Arm("arm", seeds);
    XYChart chart = single(new ArmFigures(List.of("arm"), Band.STD), List.of(arm), "ndcg",
        e -> e.validation().get("ndcg@20"), "epoch", EpochRecord::epoch);
    assertThat(chart.getSeries("arm std")).isNotNull();
    assertThat(chart.getSeries("arm min-max")).isNull();
    assertThat(Band.STD.legend()).contains("std");
    assertThat(Band.parse("Min-Max")).isEqualTo(Band.MIN_MAX);
    assertThatThrownBy(() -> Band.parse("iqr")).hasMessage("--band: must be min-max or std (got 'iqr')");
  }

  @Test
  void smallMultiplesShareOneYRangeAndAreCompact() {
    Arm low = new Arm("low", List.of(run("a", 0.1, 0.2), run("b", 0.1, 0.3)));
    Arm high = new Arm("high", List.of(run("c", 0.5, 0.9)));
    Facets facets = new Facets(List.of("train.optimizer.lr"), List.of(
        new Facets.Panel(java.util.Map.of("train.optimizer.lr", "0.1")),
        new Facets.Panel(java.util.Map.of("train.optimizer.lr", "0.01"))));
    ArmFigures figures = new ArmFigures(List.of("low", "high"), Band.MIN_MAX);
    List<Figure> curves = figures.curves("g", facets, List.of(List.of(low), List.of(high)), "ndcg@20");
    assertThat(curves).hasSize(5);
    Figure validation = curves.get(0);
    assertThat(validation.columns()).isEqualTo(2);
    assertThat(validation.panels()).extracting(Figure.Panel::label).containsExactly("lr 0.1", "lr 0.01");
    validation.panels().forEach(p -> {
      var image = Png.decode(p.png());
      assertThat(image.getWidth()).isEqualTo(ArmFigures.PANEL_WIDTH);
      assertThat(image.getHeight()).isEqualTo(ArmFigures.PANEL_HEIGHT);
    });
    // both panels get the range of both: 0.1 (low's minimum) to 0.9 (high's maximum)
    List<XYChart> charts = figures.panelCharts(facets, List.of(List.of(low), List.of(high)),
        ArmFigures.validationByEpoch("ndcg@20"));
    assertThat(charts).extracting(XYChart::getTitle).containsExactly("lr 0.1", "lr 0.01");
    assertThat(Figures.yRange(charts.get(0))).containsExactly(0.1, 0.3);
    charts.forEach(c -> {
      // and the epochs of both
      assertThat(c.getStyler().getXAxisMin()).isEqualTo(0.0);
      assertThat(c.getStyler().getXAxisMax()).isEqualTo(1.0);
      assertThat(c.getStyler().getYAxisMin()).isEqualTo(0.1);
      assertThat(c.getStyler().getYAxisMax()).isEqualTo(0.9);
      assertThat(c.getStyler().isLegendVisible()).isFalse();
    });
    assertThat(validation.caption()).isEqualTo("a panel per learning rate, shared axes");
  }

  @Test
  void anArmKeepsItsColourInEveryPanelAndPngsHaveTheSmallSize() {
    Arm first = new Arm("first", List.of(run("a", 0.1, 0.3), run("b", 0.2, 0.4)));
    Arm second = new Arm("second", List.of(run("c", 0.2, 0.5)));
    ArmFigures figures = figures(List.of(first, second));
    List<Figure> alone = figures.curves("g", List.of(second), "ndcg@20");
    List<Figure> both = figures.curves("g", List.of(first, second), "ndcg@20");
    assertThat(alone).hasSize(5);
    assertThat(both).hasSize(5);
    both.forEach(f -> {
      assertThat(f.panels()).hasSize(1);
      var image = Png.decode(f.panels().get(0).png());
      assertThat(image.getWidth()).isEqualTo(ArmFigures.WIDTH);
      assertThat(image.getHeight()).isEqualTo(ArmFigures.HEIGHT);
    });
    XYChart chart = single(figures, List.of(second, first), "ndcg", e -> e.validation().get("ndcg@20"), "epoch",
        EpochRecord::epoch);
    assertThat(chart.getSeries("second").getLineColor()).isEqualTo(Figures.PALETTE[1]);
    assertThat(chart.getSeries("first").getLineColor()).isEqualTo(Figures.PALETTE[0]);
    Color band = chart.getSeries("first min-max").getFillColor();
    assertThat(band.getRGB() & 0xffffff).isEqualTo(Figures.PALETTE[0].getRGB() & 0xffffff);
    assertThat(chart.getSeries("second min-max")).isNull();
  }

  @Test
  void spectraTakeTheArmsColourFromPaleAtTheFirstEpochToFullAtTheLast() {
    Arm arm = new Arm("second data.path=x", List.of(run("a", 0.1, 0.3, 0.2)));
    ArmFigures figures = new ArmFigures(List.of("first", "second"), Band.MIN_MAX);
    // an arm drawn as a line of small multiples takes the line's colour
    assertThat(figures.colour(arm.name())).isEqualTo(Figures.PALETTE[1]);
    XYChart chart = figures.spectrumChart(arm, Figures.Table.USER, List.of());
    assertThat(chart.getSeriesCollection()).extracting(XYSeries::getName).containsExactly("first", "best", "last");
    Color full = Figures.PALETTE[1];
    assertThat(chart.getSeries("last").getLineColor()).isEqualTo(full);
    // first: 70% of the way to white, best half of that
    assertThat(chart.getSeries("first").getLineColor().getRed())
        .isEqualTo((int) Math.round(full.getRed() + 0.7 * (255 - full.getRed())));
    assertThat(chart.getSeries("best").getLineColor().getBlue())
        .isEqualTo((int) Math.round(full.getBlue() + 0.35 * (255 - full.getBlue())));
  }

  @Test
  void spectraAverageTheSeedsAtEachRolesEpoch() {
    Arm arm = new Arm("arm", List.of(run("a", 0.1, 0.3, 0.2), run("b", 0.1, 0.2, 0.3)));
    List<Figure> spectra = figures(List.of(arm)).spectra(List.of(arm), List.of());
    assertThat(spectra).extracting(Figure::id).containsExactly("spectrum-1-user", "spectrum-1-item");
    // best epochs 1 and 2: sigma_1 = 3 + 0.1 epoch averages to 3.15
    assertThat(figures(List.of(arm)).spectrumChart(arm, Figures.Table.USER, List.of())
        .getSeries("best").getYData()[0]).isCloseTo(3.15, org.assertj.core.data.Offset.offset(1e-12));
  }
}
