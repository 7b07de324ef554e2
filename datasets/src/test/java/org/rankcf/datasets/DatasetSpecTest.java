package org.rankcf.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.rankcf.datasets.TestFiles.with;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.datasets.io.DataFormat;
import org.rankcf.datasets.io.Delimiter;
import org.rankcf.framework.util.ConfigException;

class DatasetSpecTest {
  @Test
  void defaultsAreTheBundledDataSetWithTheGivenSplit() {
    DatasetSpec spec = DatasetSpec.DEFAULTS;
    assertThat(spec.path()).isEqualTo("builtin:lastfm");
    assertThat(spec.split()).isEqualTo("given");
    assertThat(spec.validation()).isEqualTo(0.1);
    assertThat(spec.fractions()).isEqualTo("0.8/0.1/0.1");
    assertThat(spec.dataFormat()).isNull();
    assertThat(spec.fieldDelimiter()).isNull();
    assertThat(spec.hasHeader()).isNull();
    assertThat(spec.idBaseValue()).isEqualTo(-1);
  }

  @Test
  void valuesAreNormalisedAndParsed() {
    DatasetSpec spec = with(DatasetSpec.DEFAULTS, "format", " TSV ", "split", "Paper", "delimiter", "\t",
        "header", "TRUE", "id-base", "1");
    assertThat(spec.format()).isEqualTo("tsv");
    assertThat(spec.split()).isEqualTo("paper");
    assertThat(spec.dataFormat()).isEqualTo(DataFormat.DELIMITED);
    assertThat(spec.fieldDelimiter()).isEqualTo(Delimiter.TAB);
    assertThat(spec.hasHeader()).isTrue();
    assertThat(spec.idBaseValue()).isEqualTo(1);
    assertThat(with(spec, "delimiter", "::").fieldDelimiter()).isEqualTo(Delimiter.DOUBLE_COLON);
    assertThat(with(spec, "delimiter", "whitespace").fieldDelimiter()).isEqualTo(Delimiter.WHITESPACE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "path|  |path: must not be empty",
      "format|parquet|format: unknown format 'parquet'; known: auto, lightgcn, tsv, csv, recbole, movielens",
      "split|random|split: unknown split 'random'; known: given, paper, ratio, leave-one-out, temporal",
      "id-base|2|id-base: must be 0, 1 or auto (got '2')",
      "delimiter|tabs|delimiter: unknown delimiter 'tabs'; known: auto, whitespace, tab, comma, semicolon, pipe, "
          + "double-colon",
      "header|maybe|header: must be true, false or auto (got 'maybe')",
      "name| |name: must not be blank (leave it out to use the folder name)"})
  void badTextValuesNameTheirKey(String key, String value, String message) {
    assertThatThrownBy(() -> with(DatasetSpec.DEFAULTS, key, value == null ? " " : value))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void badNumbersNameTheirKey() {
    assertKey("validation", "validation", 1.0);
    assertKey("validation", "validation", -0.1);
    assertKey("k-core", "k-core", -1);
    assertKey("rating-threshold", "rating-threshold", Double.NaN);
    assertKey("train-fraction", "train-fraction", 0.0, "test-fraction", 0.2);
    assertKey("test-fraction", "test-fraction", 0.0, "train-fraction", 0.9);
    assertKey("validation-fraction", "validation-fraction", -0.1, "train-fraction", 1.0);
    assertKey("train-fraction", "train-fraction", 0.7);
    assertThatThrownBy(() -> with(DatasetSpec.DEFAULTS, "path", null))
        .isInstanceOf(ConfigException.class).hasMessage("path: is required");
  }

  private static void assertKey(String key, Object... change) {
    assertThatThrownBy(() -> with(DatasetSpec.DEFAULTS, change))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
  }

  @Test
  void keysAreRelativeToTheDataSection() {
    ConfigException e = (ConfigException) catchThrowable(
        () -> with(DatasetSpec.DEFAULTS, "split", "nope"));
    assertThat(e.within("data").getMessage()).startsWith("data.split: unknown split 'nope'");
  }
}
