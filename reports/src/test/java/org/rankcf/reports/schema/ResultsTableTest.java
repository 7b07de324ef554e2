package org.rankcf.reports.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static ResultsRow row(String run, String arm, JsonNode lossAxis, Double validation, double ndcg) {
    Map<String, JsonNode> axes = new LinkedHashMap<>();
    axes.put("seed", NODES.numberNode(123));
    axes.put("train.loss", lossAxis);
    Map<String, Double> test = new LinkedHashMap<>();
    test.put("ndcg@20", ndcg);
    test.put("recall@20", 0.5);
    return new ResultsRow(run, "bpr", arm, axes, true, "done", 4, 6, -1, "ndcg@20", validation, test, 12.5, 3, Double.NaN,
        30.0, 40.0);
  }

  @Test
  void aRowIsFlatWithTheAxesBeforeSelected() {
    String json = ResultsTable.json(List.of(row("r000", "bpr", NODES.textNode("bpr"), 0.25, 0.125)));
    assertThat(json).isEqualTo("""
        [ {
          "run" : "r000",
          "variant" : "bpr",
          "arm" : "bpr",
          "seed" : 123,
          "train.loss" : "bpr",
          "selected" : true,
          "status" : "done",
          "best_epoch" : 4,
          "epochs_run" : 6,
          "switch_epoch" : -1,
          "validation_ndcg@20" : 0.25,
          "test_ndcg@20" : 0.125,
          "test_recall@20" : 0.5,
          "seconds_to_best" : 12.5,
          "epochs_to_95" : 3,
          "seconds_to_95" : "NaN",
          "user_stable_rank" : 30.0,
          "item_stable_rank" : 40.0
        } ]
        """);
  }

  @Test
  void rowsReadBackAsWritten(@TempDir Path tmp) throws IOException {
    JsonNode objectAxis = NODES.objectNode().put("name", "ssm").put("temperature", 0.1);
    List<ResultsRow> rows = List.of(row("r000", "bpr", NODES.textNode("bpr"), 0.25, 0.125),
        row("r001", "ssm", objectAxis, null, Double.NaN));
    Files.writeString(tmp.resolve(RunFiles.RESULTS), ResultsTable.json(rows));
    List<ResultsRow> back = ResultsTable.read(tmp);
    assertThat(ResultsTable.json(back)).isEqualTo(ResultsTable.json(rows));
    assertThat(back.get(1).axes()).containsEntry("train.loss", objectAxis).containsEntry("seed", NODES.numberNode(123));
    assertThat(back.get(1).selectionMetric()).isEqualTo("ndcg@20");
    assertThat(back.get(1).validation()).isNull();
    assertThat(back.get(1).test().get("ndcg@20")).isNaN();
  }

  /** Config strings with commas, quotes and line breaks are quoted (RFC 4180), and a CSV reader gets them back. */
  @Test
  void csvQuotesWhatNeedsQuotingAndReadsBack() throws IOException {
    String awkward = "a, \"quoted\"\nvalue";
    JsonNode objectAxis = NODES.objectNode().put("name", "ssm").put("temperature", 0.1);
    List<ResultsRow> rows = List.of(row("r000-bpr+sr", "bpr+sr lr=0.1", NODES.textNode(awkward), 0.25, 1.0e-5),
        row("r001", "ssm", objectAxis, null, Double.NaN));
    String csv = ResultsTable.csv(rows);
    assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("run,variant,arm,seed,train.loss,selected,status,best_epoch,"
        + "epochs_run,switch_epoch,validation_ndcg@20,test_ndcg@20,test_recall@20,seconds_to_best,epochs_to_95,"
        + "seconds_to_95,user_stable_rank,item_stable_rank");
    assertThat(csv).contains("\nr000-bpr+sr,bpr,bpr+sr lr=0.1,123,\"a, \"\"quoted\"\"\nvalue\",true,done,4,6,-1,0.25,1.0E-5,0.5,"
        + "12.5,3,NaN,30.0,40.0\n");
    assertThat(csv).endsWith("\nr001,bpr,ssm,123,\"{\"\"name\"\":\"\"ssm\"\",\"\"temperature\"\":0.1}\",true,done,4,6,-1,,NaN,"
        + "0.5,12.5,3,NaN,30.0,40.0\n");

    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      List<Map<String, String>> read = it.readAll();
      assertThat(read).hasSize(2);
      assertThat(read.get(0)).containsEntry("train.loss", awkward).containsEntry("arm", "bpr+sr lr=0.1");
      assertThat(read.get(1)).containsEntry("train.loss", "{\"name\":\"ssm\",\"temperature\":0.1}")
          .containsEntry("validation_ndcg@20", "");
    }
  }

  @Test
  void runsWithoutMetricsAreRowsOfTheirOwnThatReadingLeavesOut(@TempDir Path tmp) throws IOException {
    Map<String, JsonNode> axes = new LinkedHashMap<>();
    axes.put("seed", NODES.numberNode(123));
    axes.put("train.loss", NODES.textNode("bpr"));
    List<ResultsTable.Row> rows = List.of(row("r000", "bpr", NODES.textNode("bpr"), 0.25, 0.125),
        new UnfinishedRow("r001", "bpr", "bpr", axes, false, UnfinishedRow.FAILED, "train.tsv:3: bad line"),
        new UnfinishedRow("r002", "bpr", "bpr", axes, false, UnfinishedRow.NOT_RUN, null));

    String json = ResultsTable.json(rows);
    assertThat(json).contains("""
          "selected" : false,
          "status" : "failed",
          "error" : "train.tsv:3: bad line"
        }""").contains("""
          "selected" : false,
          "status" : "not run"
        }""");
    String csv = ResultsTable.csv(rows);
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",item_stable_rank,error");
    assertThat(csv).contains("\nr001,bpr,bpr,123,bpr,false,failed,,,,,,,,,,,,train.tsv:3: bad line\n");

    Files.writeString(tmp.resolve(RunFiles.RESULTS), json);
    assertThat(ResultsTable.read(tmp)).extracting(ResultsRow::run).containsExactly("r000");
  }
}
