package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.reports.Facets.Panel;

class FacetsTest {
  private static final String GOWALLA = "../shared/data/gowalla";
  private static final String LASTFM = "builtin:lastfm";

  @TempDir Path tmp;

  private static Panel panel(String data, String lr) {
    return new Panel(Map.of("data.path", data, "train.optimizer.lr", lr));
  }

  private static String folder(RunRecord run) {
    return run.directory().getFileName().toString();
  }

  @Test
  void twoDataSetsByTwoRatesGiveAGridOfFourPanelsARowPerDataSet() throws IOException {
    RunSet set = RunReader.readFolder(StudyFixture.twoDataSets(tmp));
    Facets facets = Facets.of(set);
    assertThat(facets.keys()).containsExactly("data.path", "train.optimizer.lr");
    assertThat(facets.panels()).containsExactly(panel(GOWALLA, "0.1"), panel(GOWALLA, "0.01"), panel(LASTFM, "0.1"),
        panel(LASTFM, "0.01"));
    assertThat(facets.columns()).isEqualTo(2);
    assertThat(facets.panels().get(0).label(facets.keys())).isEqualTo("gowalla · lr 0.1");
    assertThat(facets.panels().get(3).label(facets.keys())).isEqualTo("lastfm · lr 0.01");
  }

  @Test
  void aLineRunsThroughEveryPanelWithOneRunPerSeed() throws IOException {
    RunSet set = RunReader.readFolder(StudyFixture.twoDataSets(tmp));
    Facets facets = Facets.of(set);
    var runs = facets.runsByLineAndPanel(set);
    assertThat(runs.keySet()).containsExactly("bpr", "bpr+sr");
    List<RunRecord> inPanel = runs.get("bpr+sr").get(panel(LASTFM, "0.01"));
    assertThat(inPanel).hasSize(3).extracting(FacetsTest::folder)
        .allSatisfy(f -> assertThat(f).contains("bpr+sr-seed").endsWith("-lr0.01"))
        // the lastfm runs come after the gowalla ones (r012 on)
        .allSatisfy(f -> assertThat(Integer.parseInt(f.substring(1, 4))).isGreaterThan(11));

    List<Arm> arms = Arm.of(set);
    assertThat(arms).extracting(Arm::name).contains("bpr data.path=" + GOWALLA, "bpr+sr data.path=" + LASTFM);
    CurvePanels panels = new CurvePanels(set, arms, facets);
    List<List<String>> groups = panels.lineGroups(new Findings(set, arms).comparedPairs());
    // the pairs of both data sets are one group of lines
    assertThat(groups).containsExactly(List.of("bpr", "bpr+sr"));
    assertThat(panels.panels(groups.get(0))).hasSize(4).allSatisfy(p -> assertThat(p).extracting(Arm::name)
        .containsExactly("bpr", "bpr+sr"));
  }

  @Test
  void anAxisThatWouldPassTheMostPanelsIsSelectedOverInstead() throws IOException {
    List<Double> rates = List.of(0.1, 0.05, 0.02, 0.01, 0.005);
    StudyFixture.write(tmp, List.of(GOWALLA, LASTFM), List.of("bpr"), List.of(1L, 2L), rates, 6);
    RunSet set = RunReader.readFolder(tmp);
    Facets facets = Facets.of(set);
    // 2 x 5 panels would be more than eight: only the data sets are panels
    assertThat(facets.keys()).containsExactly("data.path");
    List<RunRecord> runs = facets.runsByLineAndPanel(set).get("bpr").get(new Panel(Map.of("data.path", GOWALLA)));
    // per seed the rate with the best validation: the fixture's curves fall with the rate's index
    assertThat(runs).extracting(FacetsTest::folder).allSatisfy(f -> assertThat(f).endsWith("-lr0.1"));
    assertThat(runs).hasSize(2);
  }

  @Test
  void aSingleRunOrAnAxisOfOneValueHasNoPanels() throws IOException {
    assertThat(Facets.of(RunReader.readFolder(new SyntheticRun().writeInto(tmp, "run"))).isNone()).isTrue();
    Path sweep = StudyFixture.write(Files.createDirectories(tmp.resolve("sweep")), List.of("bpr"), List.of(1L),
        List.of(0.1), 4);
    assertThat(Facets.of(RunReader.readFolder(sweep)).isNone()).isTrue();
  }

  @Test
  void theReportDrawsOneGroupWithAPanelPerDataSetAndRate() throws IOException {
    String html = Files.readString(ReportWriter.write(StudyFixture.twoDataSets(tmp)));
    assertThat(html.split("<h3>bpr", -1)).hasSize(2);
    assertThat(html).contains("<h3>bpr vs bpr+sr</h3>", "alt=\"Training loss, gowalla · lr 0.1\"",
        "alt=\"Training loss, lastfm · lr 0.01\"", "a panel per data set and learning rate, shared axes",
        "grid-template-columns:repeat(2,minmax(0,1fr))");
    // five curves of four panels, two spectra for each of the four arms
    assertThat(ReportWriterTest.images(html)).hasSize(5 * 4 + 4 * 2);
  }
}
